/// Turns one input into request bodies and checks each: the only route from an input's bytes
/// to diagnostics, whether the run prints, fixes or diffs. A driver reads its stream in
/// stretches (the whole text, or blocks of a stream), finds the bodies in each, parses and
/// checks them with the linter (spread over `workers` threads where the mode has many bodies),
/// and hands each stretch on with its diagnostics, in order. Diagnostics' ranges are offsets
/// into the stretch's text, whose origin places them in the file.
public protocol InputDriver: Sendable {
    /// - Returns: why reading failed, or nil; stretches handed on before a failure stand.
    func check(
        _ input: inout some ByteStream, name: String, linter: Linter, workers: Int, emit: (InputStretch) -> Void
    ) -> IOFailure?
}

/// A stretch of an input and what was found in it.
public struct InputStretch {
    public let source: SourceText
    public let diagnostics: [Diagnostic]
}

extension InputDriver {
    /// The whole input as one text, for the modes that need all of it (a document, an array).
    func readWhole(_ input: inout some ByteStream, name: String) -> Result<SourceText, IOFailure> {
        input.readAll(limit: InputLimits.maximumBytes).map { SourceText(name: name, bytes: $0) }
    }

    /// Checks a text held in memory whole (a file being fixed, or a test's input): one stretch,
    /// positions the text's own.
    public func check(_ bytes: [UInt8], name: String, linter: Linter, workers: Int = 1) -> InputStretch {
        var input = InMemoryBytes(bytes)
        var source: SourceText?
        var diagnostics: [Diagnostic] = []
        _ = check(&input, name: name, linter: linter, workers: workers) { stretch in
            source = stretch.source
            diagnostics += stretch.diagnostics
        }
        return InputStretch(source: source ?? SourceText(name: name, bytes: bytes), diagnostics: diagnostics)
    }
}
