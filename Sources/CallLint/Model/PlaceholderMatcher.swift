/// Recognises template placeholders in string values (`{{to}}`, `${input.phoneNumber}`,
/// `$!{x}`, `$input.phoneNumber`, `<PHONE>`), so that payload templates can be linted before they are rendered.
/// A value that holds a placeholder stands for whatever the template fills in: call-lint skips
/// the checks of that value's content and type, and still checks the keys around it.
public struct PlaceholderMatcher: Sendable {
    /// The configuration's `placeholders`, matched in time linear in a value's length.
    let extraPatterns: [LinearPattern]
    public let extraPatternSources: [String]

    public init(extraPatterns: [String] = []) throws {
        self.extraPatterns = try extraPatterns.map { try LinearPattern($0) }
        extraPatternSources = extraPatterns
    }

    public static let standard = try! PlaceholderMatcher()

    public func containsPlaceholder(_ text: String) -> Bool {
        if Self.hasBuiltInPlaceholder(text) { return true }
        for pattern in extraPatterns where pattern.matches(in: text) { return true }
        return false
    }

    /// Whether a text is one placeholder and nothing else (`${input.rawRequest}`).
    static func isWholePlaceholder(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var start = 0
        var end = bytes.count
        while start < end, JSONByte.isWhitespace(bytes[start]) { start += 1 }
        while end > start, JSONByte.isWhitespace(bytes[end - 1]) { end -= 1 }
        guard start < end, bytes[start] == UInt8(ascii: "{") || bytes[start] == UInt8(ascii: "$") else { return false }
        return PlaceholderSyntax.end(of: bytes, at: start, limit: end) == end
    }

    static func hasBuiltInPlaceholder(_ text: String) -> Bool {
        // Every built-in form needs a `{` or a `$`, or starts with `<`.
        guard text.utf8.first == UInt8(ascii: "<") || text.utf8.contains(where: { $0 == 0x7B || $0 == 0x24 }) else {
            return false
        }
        let utf8 = Array(text.utf8)
        // $input.phone, $!x: a Velocity reference without braces, as data actions write them.
        for index in utf8.indices where utf8[index] == UInt8(ascii: "$") {
            var next = index + 1
            if next < utf8.count, utf8[next] == UInt8(ascii: "!") { next += 1 }
            if next < utf8.count, PlaceholderSyntax.isLetter(utf8[next]) { return true }
        }
        // {{...}} (Mustache, Handlebars, Jinja) and ${...} / $!{...} (shell, JavaScript, Velocity).
        if let open = find(utf8, [0x7B, 0x7B]), find(utf8, [0x7D, 0x7D], from: open + 2) != nil { return true }
        if let open = find(utf8, [0x24, 0x7B]) ?? find(utf8, [0x24, 0x21, 0x7B]),
            find(utf8, [0x7D], from: open + 2) != nil
        {
            return true
        }
        // <PHONE>, <caller_id>: a whole value in angle brackets, as in API docs and runbooks.
        if utf8.count >= 3, utf8.first == UInt8(ascii: "<"), utf8.last == UInt8(ascii: ">") {
            return utf8.dropFirst().dropLast().allSatisfy { byte in
                (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
                    || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
                    || byte == UInt8(ascii: " ")
            }
        }
        return false
    }

    private static func find(_ haystack: [UInt8], _ needle: [UInt8], from start: Int = 0) -> Int? {
        guard haystack.count >= needle.count, start <= haystack.count - needle.count else { return nil }
        for index in start...(haystack.count - needle.count)
        where haystack[index..<index + needle.count].elementsEqual(needle) {
            return index
        }
        return nil
    }
}
