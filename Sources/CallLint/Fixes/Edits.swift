/// Builders for the text edits fixes are made of. Each edit touches only the bytes it must,
/// so the rest of the file keeps its formatting and key order.
enum Edits {
    /// Replace a value with new JSON text.
    static func replace(_ value: JSONValue, with text: String) -> TextEdit {
        TextEdit(range: value.range, replacement: text)
    }

    /// Rename a member's key.
    static func renameKey(of value: JSONValue, to name: String) -> TextEdit? {
        guard let key = value.keyRange else { return nil }
        return TextEdit(range: key, replacement: JSONString.quoted(name))
    }

    /// Replace a whole member (`"key": value`) with new text.
    static func replaceMember(_ value: JSONValue, with text: String) -> TextEdit {
        TextEdit(range: value.memberRange, replacement: text)
    }

    /// Remove a member or element with the comma that separates it from its neighbour.
    static func remove(_ value: JSONValue) -> TextEdit {
        let own = value.memberRange
        if let next = value.nextSibling {
            return TextEdit(range: own.lowerBound..<next.memberRange.lowerBound, replacement: "")
        }
        if let previous = value.previousSibling {
            return TextEdit(range: previous.range.upperBound..<own.upperBound, replacement: "")
        }
        return TextEdit(range: own, replacement: "")
    }
}
