/// A file or standard input that is one request body.
struct DocumentDriver: InputDriver {
    func check(
        _ input: inout some ByteStream, name: String, linter: Linter, workers: Int, emit: (InputStretch) -> Void
    ) -> IOFailure? {
        switch input.readAll(limit: InputLimits.maximumBytes) {
        case .failure(let failure):
            return failure
        case .success(let bytes):
            let source = SourceText(name: name, bytes: bytes)
            let diagnostics: [Diagnostic]
            switch linter.parser.parse(source) {
            case .failure(let error): diagnostics = linter.check(syntaxError: error, in: source)
            case .success(let document): diagnostics = linter.check(body: document.root)
            }
            emit(InputStretch(source: source, diagnostics: diagnostics))
            return nil
        }
    }
}
