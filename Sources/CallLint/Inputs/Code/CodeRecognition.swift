/// Tells code from JSON in a paste, and which language it is, by what surrounds a body in a
/// program and never in JSON: declarations, imports, functions, statements. A text that is
/// merely broken JSON has none of these at the start of its lines, and stays JSON.
enum CodeRecognition {
    /// The language of a text, when it reads as a program.
    static func language(of bytes: [UInt8]) -> CodeLanguage? { recognition(of: bytes)?.language }

    /// The language of a text that reads as a program beyond doubt (several lines of one
    /// language's statements): then a curl command in it is in a docstring or a comment.
    static func clearLanguage(of bytes: [UInt8]) -> CodeLanguage? {
        recognition(of: bytes).flatMap { $0.score >= 6 ? $0.language : nil }
    }

    private static func recognition(of bytes: [UInt8]) -> (language: CodeLanguage, score: Int)? {
        var scores: [CodeLanguage: Int] = [:]
        var lineStart = 0
        var lines = 0
        while lineStart < bytes.count, lines < 5_000 {
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            var start = lineStart
            while start < lineEnd, bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\t") {
                start += 1
            }
            let line = bytes[start..<min(lineEnd, start + 200)]
            for (language, points) in votes(line) { scores[language, default: 0] += points }
            lineStart = lineEnd + 1
            lines += 1
        }
        let ranked = scores.filter { $0.value >= 2 }.sorted { lhs, rhs in
            lhs.value != rhs.value ? lhs.value > rhs.value : lhs.key.rank < rhs.key.rank
        }
        return ranked.first.map { ($0.key, $0.value) }
    }

    private static let starts: [(String, [(CodeLanguage, Int)])] = [
        ("const ", [(.javascript, 2)]), ("let ", [(.javascript, 2)]), ("function ", [(.javascript, 2)]),
        ("async function", [(.javascript, 3)]), ("export default", [(.javascript, 2)]),
        ("export function", [(.javascript, 2)]),
        ("export const", [(.javascript, 2)]), ("export class", [(.javascript, 2)]),
        ("export async", [(.javascript, 2)]), ("module.exports", [(.javascript, 3)]),
        ("await ", [(.javascript, 1), (.python, 1), (.csharp, 1)]), ("console.", [(.javascript, 3)]),
        ("$(", [(.javascript, 2)]), ("fetch(", [(.javascript, 2)]), ("axios", [(.javascript, 2)]),
        ("interface ", [(.typescript, 1), (.java, 1), (.csharp, 1)]), ("type ", [(.typescript, 1), (.go, 1)]),
        ("var ", [(.javascript, 1), (.csharp, 1), (.go, 1)]),
        ("def ", [(.python, 3)]), ("async def ", [(.python, 3)]), ("elif ", [(.python, 3)]), ("print(", [(.python, 2)]),
        ("from ", [(.python, 1)]), ("import ", [(.python, 1), (.javascript, 1), (.java, 1), (.go, 1)]),
        ("with ", [(.python, 1)]), ("try:", [(.python, 3)]), ("except", [(.python, 2)]),
        ("if __name__", [(.python, 3)]),
        ("using ", [(.csharp, 3)]), ("namespace ", [(.csharp, 3)]), ("Console.", [(.csharp, 3)]),
        ("public ", [(.csharp, 1), (.java, 1)]), ("private ", [(.csharp, 1), (.java, 1)]),
        ("static ", [(.csharp, 1), (.java, 1)]), ("System.out.", [(.java, 3)]), ("String ", [(.java, 2)]),
        ("package ", [(.java, 1), (.go, 1)]), ("func ", [(.go, 3)]), ("fmt.", [(.go, 3)]),
        ("if err != nil", [(.go, 3)]),
        ("body = ", [(.python, 1)]), ("payload = ", [(.python, 1)]), ("return ", [(.javascript, 1)]),
    ]

    private static let starters: [([UInt8], [(CodeLanguage, Int)])] = starts.map { (Array($0.0.utf8), $0.1) }

    private static func votes(_ line: ArraySlice<UInt8>) -> [(CodeLanguage, Int)] {
        guard let first = line.first, first != UInt8(ascii: "\""), first != UInt8(ascii: "{") else { return [] }
        var votes: [(CodeLanguage, Int)] = []
        for (prefix, points) in starters where line.starts(with: prefix) { votes += points }
        // Within a line: Python's `json=` and `None`, Go's `:=`, a statement's `;` at the end.
        if contains(line, " := ") { votes.append((.go, 2)) }
        if contains(line, "requests.") || contains(line, "json.dumps(") { votes.append((.python, 2)) }
        if contains(line, "=>") { votes.append((.javascript, 1)) }
        if contains(line, "new CreateCallRequest") {
            votes += [(.csharp, 1), (.java, 1)]
            if contains(line, "()."), !contains(line, "{") { votes.append((.java, 2)) }
            if contains(line, "{") { votes.append((.csharp, 2)) }
        }
        if contains(line, "Createcallrequest{") || contains(line, "platformclientv2.") { votes.append((.go, 3)) }
        if contains(line, "PureCloudPlatformClientV2") { votes.append((.python, 3)) }
        if line.starts(with: Array("import ".utf8)), line.last == UInt8(ascii: ";") { votes.append((.java, 2)) }
        if line.starts(with: Array("import ".utf8)), contains(line, " from ") { votes.append((.javascript, 2)) }
        return votes
    }

    private static func contains(_ line: ArraySlice<UInt8>, _ needle: String) -> Bool {
        CodeTokens.firstOffset(of: Array(needle.utf8), in: line) != nil
    }
}

extension CodeLanguage {
    /// Which wins a tie in recognition: the most common first.
    fileprivate var rank: Int {
        switch self {
        case .javascript: return 0
        case .python: return 1
        case .typescript: return 2
        case .csharp: return 3
        case .java: return 4
        case .go: return 5
        }
    }
}

extension CodeRecognition {
    /// The language of a text that is one literal written as code rather than JSON: a Python
    /// dict as `print` shows it (`'…'`, `None`, `True`), an object with bare keys or comments.
    static func literalLanguage(of bytes: [UInt8]) -> CodeLanguage? {
        let tokens = CodeTokens(bytes, lexicon: .javascript)
        // The literal ends the text; a line before it (a prompt, `print(x)`) may not be JSON.
        guard let open = (0..<tokens.count).first(where: { tokens.isSymbol($0, "{") }),
            tokens.partner(of: open) == tokens.count - 1
        else { return nil }
        var python = false
        var javascript = tokens.hasComments
        var singleQuotes = false
        for index in open..<tokens.count {
            let token = tokens[index]
            switch token.kind {
            case .word:
                if tokens.isWord(index, "None") || tokens.isWord(index, "True") || tokens.isWord(index, "False") {
                    python = true
                } else if tokens.isSymbol(index + 1, ":"),
                    tokens.isSymbol(index - 1, "{") || tokens.isSymbol(index - 1, ",")
                {
                    javascript = true
                }
            case .string:
                if bytes[token.start] == UInt8(ascii: "'") { singleQuotes = true }
            case .symbol:
                if bytes[token.start] == UInt8(ascii: "#") { python = true }
            case .number, .interpolated:
                break
            }
            // Template syntax: then the text is a template, read as one elsewhere.
            if tokens.isSymbol(index, "{"), tokens.isSymbol(index + 1, "{") { return nil }
            if tokens.isSymbol(index, "$"), tokens.isSymbol(index + 1, "{") { return nil }
        }
        if python { return .python }
        if javascript { return .javascript }
        return singleQuotes ? .python : nil
    }
}
