@testable import CallLint

extension Linter {
    /// The diagnostics of one text checked whole in a mode, as the command checks a file.
    func check(_ text: String, as mode: InputMode = .document) -> [Diagnostic] {
        mode.driver.check(Array(text.utf8), name: "t", linter: self).diagnostics
    }

    func check(_ source: SourceText, as mode: InputMode = .document) -> [Diagnostic] {
        mode.driver.check(source.bytes, name: source.name, linter: self).diagnostics
    }
}

/// A stream that hands over its bytes a few at a time, as a pipe might.
struct TrickleBytes: ByteStream {
    var bytes: [UInt8]
    let step: Int

    mutating func read(upTo count: Int) -> Result<[UInt8], IOFailure> {
        let taken = Array(bytes.prefix(min(step, count)))
        bytes.removeFirst(taken.count)
        return .success(taken)
    }
}
