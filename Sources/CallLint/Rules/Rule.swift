/// A check of the request model. Its id is a public contract (configuration files and
/// `--select` name it); its severity, summary and documentation live in rules/<id>.md.
protocol Rule: Sendable {
    static var id: String { get }
    func check(_ context: RuleContext)
}

extension Rule {
    var id: String { Self.id }
}
