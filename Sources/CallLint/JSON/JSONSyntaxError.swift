/// Why a text is not JSON, and where: what the parser found, as a value. Its words are
/// rendered in one place (`text(in:)`), from the source, so positions it names are the file's;
/// the `invalid-json` rule adds what a call request needs on top of them.
public struct JSONSyntaxError: Error, Equatable, Sendable {
    public let cause: Cause
    /// Byte range the error points at; empty at end of input.
    public let range: Range<Int>

    public init(_ cause: Cause, at range: Range<Int>) {
        self.cause = cause
        self.range = range
    }

    /// An open object or array: where it opened.
    public struct Opener: Equatable, Sendable {
        public let offset: Int
        public let isObject: Bool

        var closer: String { isObject ? "}" : "]" }
    }

    public enum Cause: Equatable, Sendable {
        // The text as a whole
        case tooLarge
        case emptyInput
        case onlyWhitespace
        case byteOrderMarkAtStart
        case utf16ByteOrderMark
        case utf16NulBytes
        case tooDeep(limit: Int)
        // Strings
        case unclosedString
        case controlCharacterInString(UInt8)
        case invalidUTF8InString(UInt8)
        case invalidEscape
        case incompleteUnicodeEscape
        case loneSurrogate(UInt32)
        // Numbers
        case minusWithoutDigit
        case leadingZero
        case decimalPointWithoutDigit
        case exponentWithoutDigits
        /// The range is the unexpected byte; `number` the whole run it sits in.
        case unexpectedInNumber(number: Range<Int>)
        case plusSign
        case leadingDecimalPoint
        // Structure
        /// `open` lists the containers still open, outermost first.
        case unexpectedEnd(open: [Opener])
        case trailingComma(Opener)
        /// The range is what stands where `:` should; `key` the key before it.
        case missingColon(key: Range<Int>)
        case secondValue
        case commaAfterValue
        case nothingToClose
        case mismatchedCloser(Opener)
        case missingComma(Opener)
        case colonInContainer(Opener)
        case unexpectedInContainer(Opener)
        case contentAfterArray
        case unquotedKey
        case unquotedWord
        case missingValue
        case unexpectedColon
        case unexpected(expectingKey: Bool)
        case unquotedPlaceholder
        // Bytes a person recognises
        case nulByte
        case comment
        case singleQuote
        case curlyQuote
        case zeroWidthCharacter
        case nonBreakingSpace
        case byteOrderMarkInside
        case invalidUTF8(UInt8)
    }

    /// What the error says and, when the cause is plain, what to write instead.
    public struct Text: Equatable, Sendable {
        public let message: String
        public let help: String?
    }
}
