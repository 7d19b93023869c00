public enum Severity: String, CaseIterable, Comparable, Sendable {
    case info, warning, error

    var level: Int {
        switch self {
        case .info: return 0
        case .warning: return 1
        case .error: return 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.level < rhs.level }
}
