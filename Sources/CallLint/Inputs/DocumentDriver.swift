/// A file or standard input that is one request body.
struct DocumentDriver: InputDriver {
    func check(
        _ input: inout some ByteStream, name: String, linter: Linter, workers: Int, emit: (InputStretch) -> Void
    ) -> IOFailure? {
        switch readWhole(&input, name: name) {
        case .failure(let failure):
            return failure
        case .success(let source):
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
