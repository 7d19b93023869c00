public enum JSONKind: UInt8, Sendable {
    case object, array, string, number, `true`, `false`, null

    /// How a message names the kind: "an object", "a number".
    public var description: String {
        switch self {
        case .object: return "an object"
        case .array: return "an array"
        case .string: return "a string"
        case .number: return "a number"
        case .true, .false: return "a boolean"
        case .null: return "null"
        }
    }
}
