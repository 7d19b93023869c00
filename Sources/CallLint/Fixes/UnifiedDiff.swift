/// A unified diff (as `diff -u` prints it) between two texts, for `--diff`.
public enum UnifiedDiff {
    public static let context = 3

    public static func render(original: [UInt8], fixed: [UInt8], path: String) -> String {
        let old = lines(original)
        let new = lines(fixed)
        guard old != new else { return "" }
        let operations = diff(old, new)
        // The name as the text format shows it: a newline in it cannot forge a `+++` or `@@`
        // line, nor an escape sequence act on the terminal.
        let name = VisibleText.escaped(FileName.displayed(path))
        var output = "--- \(name)\n+++ \(name)\n"
        // Group operations into hunks with `context` unchanged lines around changes.
        var index = 0
        while index < operations.count {
            guard let changeStart = operations[index...].firstIndex(where: { $0.kind != .same }) else { break }
            var hunkEnd = changeStart
            var lastChange = changeStart
            while hunkEnd < operations.count {
                if operations[hunkEnd].kind != .same { lastChange = hunkEnd }
                if hunkEnd - lastChange > 2 * context { break }
                hunkEnd += 1
            }
            let lower = max(index, changeStart - context)
            let upper = min(operations.count, lastChange + context + 1)
            let hunk = operations[lower..<upper]
            let oldStart = hunk.first!.oldLine
            let newStart = hunk.first!.newLine
            let oldCount = hunk.filter { $0.kind != .insert }.count
            let newCount = hunk.filter { $0.kind != .delete }.count
            output +=
                "@@ -\(oldStart + (oldCount == 0 ? 0 : 1)),\(oldCount) "
                + "+\(newStart + (newCount == 0 ? 0 : 1)),\(newCount) @@\n"
            for operation in hunk {
                let marker = operation.kind == .same ? " " : operation.kind == .delete ? "-" : "+"
                output += marker + operation.text + "\n"
                if !operation.endsWithNewline { output += "\\ No newline at end of file\n" }
            }
            index = upper
        }
        return output
    }

    struct Line: Equatable {
        let text: String
        let endsWithNewline: Bool
    }

    struct Operation {
        enum Kind { case same, delete, insert }
        let kind: Kind
        let text: String
        let endsWithNewline: Bool
        /// 0-based line numbers before this operation, in the old and new text.
        let oldLine: Int
        let newLine: Int
    }

    static func lines(_ bytes: [UInt8]) -> [Line] {
        var result: [Line] = []
        var start = 0
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
            result.append(Line(text: String(decoding: bytes[start..<index], as: UTF8.self), endsWithNewline: true))
            start = index + 1
        }
        if start < bytes.count {
            result.append(Line(text: String(decoding: bytes[start...], as: UTF8.self), endsWithNewline: false))
        }
        return result
    }

    /// The most lines × lines the exact comparison may tabulate (32 MB); past it the middle is
    /// compared greedily, in time and memory linear in its length.
    static let exactLimit = 4_000_000

    /// Longest-common-subsequence diff of the lines between the common prefix and suffix;
    /// fixes touch few lines, so the middle stays small even in large files. When it is not
    /// (fixes at both ends of a long file), a greedy comparison that resynchronises within a
    /// window takes over: its hunks may be larger than need be, never wrong.
    static func diff(_ old: [Line], _ new: [Line]) -> [Operation] {
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix,
            old[old.count - 1 - suffix] == new[new.count - 1 - suffix]
        {
            suffix += 1
        }
        let a = Array(old[prefix..<(old.count - suffix)])
        let b = Array(new[prefix..<(new.count - suffix)])
        let exact = a.count * b.count <= exactLimit
        var table = [[Int]](
            repeating: [Int](repeating: 0, count: exact ? b.count + 1 : 0), count: exact ? a.count + 1 : 0)
        if exact, !a.isEmpty && !b.isEmpty {
            for i in stride(from: a.count - 1, through: 0, by: -1) {
                for j in stride(from: b.count - 1, through: 0, by: -1) {
                    table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
                }
            }
        }
        var operations: [Operation] = []
        var oldLine = 0
        var newLine = 0
        func emit(_ kind: Operation.Kind, _ line: Line) {
            operations.append(
                Operation(
                    kind: kind, text: line.text, endsWithNewline: line.endsWithNewline, oldLine: oldLine,
                    newLine: newLine))
            if kind != .insert { oldLine += 1 }
            if kind != .delete { newLine += 1 }
        }
        for line in old[0..<prefix] { emit(.same, line) }
        var i = 0
        var j = 0
        if !exact {
            while i < a.count || j < b.count {
                if i < a.count, j < b.count, a[i] == b[j] {
                    emit(.same, a[i])
                    i += 1
                    j += 1
                    continue
                }
                // The nearest pair of equal lines ahead, within the window; none: all the rest.
                let (skipOld, skipNew) = resynchronisation(a, from: i, b, from: j) ?? (a.count - i, b.count - j)
                for line in a[i..<i + skipOld] { emit(.delete, line) }
                for line in b[j..<j + skipNew] { emit(.insert, line) }
                i += skipOld
                j += skipNew
            }
        }
        while i < a.count || j < b.count {
            if i < a.count, j < b.count, a[i] == b[j] {
                emit(.same, a[i])
                i += 1
                j += 1
            } else if i < a.count, j == b.count || table[i + 1][j] >= table[i][j + 1] {
                emit(.delete, a[i])
                i += 1
            } else {
                emit(.insert, b[j])
                j += 1
            }
        }
        for line in old[(old.count - suffix)...] { emit(.same, line) }
        return operations
    }

    static let window = 64

    /// The smallest steps ahead in each text, within the window, after which their lines agree.
    static func resynchronisation(_ a: [Line], from i: Int, _ b: [Line], from j: Int) -> (Int, Int)? {
        for distance in 1...(2 * window) {
            for skipOld in max(0, distance - window)...min(distance, window) {
                let skipNew = distance - skipOld
                if i + skipOld < a.count, j + skipNew < b.count, a[i + skipOld] == b[j + skipNew] {
                    return (skipOld, skipNew)
                }
            }
        }
        return nil
    }
}
