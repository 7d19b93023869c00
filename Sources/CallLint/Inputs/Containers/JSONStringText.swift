/// A JSON string value of a file, unescaped into the text it holds, mapped to the file: a body
/// kept in a data action's `requestTemplate`, a Postman `raw` body, a HAR `postData.text`.
/// Runs without escapes are copied (a fix there is written back, escaped); each escape stands
/// for its whole `\…` sequence.
enum JSONStringText {
    static func unescaped(_ value: JSONValue, in text: MappedText) -> MappedText {
        var builder = MappedTextBuilder(base: text)
        let bytes = text.bytes
        let end = value.range.upperBound - 1
        var copied = value.range.lowerBound + 1
        var index = copied
        while index < end {
            guard bytes[index] == UInt8(ascii: "\\") else {
                index += 1
                continue
            }
            builder.copy(copied..<index)
            let (decoded, length) = JSONStringDecoder.decodeEscape(bytes, at: index, end: end)
            builder.write(decoded, for: index..<index + length)
            index += length
            copied = index
        }
        builder.copy(copied..<end)
        return builder.text
    }
}
