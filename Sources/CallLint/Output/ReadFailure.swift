/// An input that could not be read, as the machine formats record it beside the findings: an
/// entry of its own with this id (as Ruff's E902), not a rule of the linter.
public enum ReadFailure {
    public static let ruleID = "io-error"

    public static func message(_ reason: String) -> String { "cannot read: " + reason }
}
