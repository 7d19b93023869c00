/// A JSON value held whole, for the small texts call-lint reads or writes as values: the
/// language server's messages, the schemas it prints. Read with the project's parser, written
/// with its string quoting; numbers keep their text, so a request id comes back as it came.
public indirect enum JSONTree: Equatable, Sendable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONTree])
    case object([(key: String, value: JSONTree)])

    public static func == (lhs: JSONTree, rhs: JSONTree) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        default: return false
        }
    }

    public static func int(_ value: Int) -> JSONTree { .number(String(value)) }

    /// Parses one message's bytes; nil when they are not JSON.
    public static func parse(_ bytes: [UInt8]) -> JSONTree? {
        guard case .success(let document) = JSONParser().parse(SourceText(name: "message", bytes: bytes)) else {
            return nil
        }
        return JSONTree(document.root)
    }

    public init(_ value: JSONValue) {
        switch value.kind {
        case .null: self = .null
        case .true: self = .bool(true)
        case .false: self = .bool(false)
        case .number: self = .number(value.rawText)
        case .string: self = .string(value.stringValue ?? "")
        case .array: self = .array(value.children.map(JSONTree.init))
        case .object: self = .object(value.children.map { (key: $0.key ?? "", value: JSONTree($0)) })
        }
    }

    public subscript(key: String) -> JSONTree? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    public var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// An integer, when the number is one that fits.
    public var integer: Int? {
        if case .number(let text) = self { return Int(text) }
        return nil
    }

    public var boolean: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    public var elements: [JSONTree]? {
        if case .array(let values) = self { return values }
        return nil
    }

    /// The value as JSON text.
    public var serialized: String {
        var text = ""
        write(into: &text)
        return text
    }

    /// The value as JSON text indented by two spaces, members in the order held; arrays on one line.
    public var indented: String {
        var text = ""
        writeIndented(into: &text, indent: "")
        return text
    }

    func writeIndented(into text: inout String, indent: String) {
        guard case .object(let members) = self, !members.isEmpty else { return write(into: &text) }
        let inner = indent + "  "
        text += "{\n"
        for (index, member) in members.enumerated() {
            text += inner + JSONString.quoted(member.key) + ": "
            member.value.writeIndented(into: &text, indent: inner)
            text += index == members.count - 1 ? "\n" : ",\n"
        }
        text += indent + "}"
    }

    func write(into text: inout String) {
        switch self {
        case .null: text += "null"
        case .bool(let value): text += value ? "true" : "false"
        case .number(let number): text += number
        case .string(let string): text += JSONString.quoted(string)
        case .array(let values):
            text += "["
            for (index, value) in values.enumerated() {
                if index > 0 { text += ", " }
                value.write(into: &text)
            }
            text += "]"
        case .object(let members):
            text += "{"
            for (index, member) in members.enumerated() {
                if index > 0 { text += "," }
                text += JSONString.quoted(member.key)
                text += ":"
                member.value.write(into: &text)
            }
            text += "}"
        }
    }
}

extension JSONTree: ExpressibleByStringLiteral, ExpressibleByBooleanLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral, ExpressibleByIntegerLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: JSONTree...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONTree)...) {
        self = .object(elements.map { (key: $0.0, value: $0.1) })
    }
    public init(integerLiteral value: Int) { self = .number(String(value)) }
}
