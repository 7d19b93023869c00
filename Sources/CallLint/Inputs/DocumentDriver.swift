/// A file or standard input that is one request body, or holds bodies: a JSON document (as
/// written, or a data action, Postman collection or HAR capture), or a paste (a curl command,
/// an HTTP request, a Markdown fence, a Python or JavaScript literal) read as `format` says.
struct DocumentDriver: InputDriver {
    let format: InputFormat

    func check(
        _ input: inout some ByteStream, name: String, linter: Linter, workers: Int, emit: (InputStretch) -> Void
    ) -> IOFailure? {
        switch readWhole(&input, name: name) {
        case .failure(let failure):
            return failure
        case .success(let source):
            let diagnostics =
                format == .json ? linter.check(document: source) : linter.check(paste: source, format: format)
            emit(InputStretch(source: source, diagnostics: diagnostics))
            return nil
        }
    }
}
