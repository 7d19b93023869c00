/// A request body found inside an input that is not itself one: in a curl command, an HTTP
/// request, a Markdown fence, a program's source, a data action's template, a
/// Postman collection or a HAR capture. Its text is what the API would receive, mapped to the
/// input, so that findings point into what the user wrote.
public struct EmbeddedBody: Sendable {
    public let text: MappedText
    /// What was recognised, for the `embedded-body` note ("read a curl command; checked its -d
    /// body"); nil for a body that is the input itself.
    public let note: String?
    /// Where the note points, in the input.
    let noteRange: Range<Int>
    /// How a fix's replacement is written where the body sits in the input.
    let quoting: ReplacementQuoting
    /// Where the values the input computes (a JavaScript identifier) start in the text: they are
    /// template values, like placeholders.
    let templateValues: Set<Int>
    /// Whether there is a body to check: not for a note alone (a curl body read from a file, a
    /// data action whose template is the caller's body, a collection with no call request).
    let hasBody: Bool
    /// How the code it was read from writes field names, for messages; nil for JSON.
    let spelling: FieldSpelling?
    /// Read from a program: its values the program computes are no text to print as JSON.
    let isCode: Bool

    init(
        text: MappedText, note: String?, noteRange: Range<Int>, quoting: ReplacementQuoting,
        templateValues: Set<Int> = [], hasBody: Bool = true, spelling: FieldSpelling? = nil, isCode: Bool = false
    ) {
        self.spelling = spelling
        self.isCode = isCode
        self.text = text
        self.note = note
        self.noteRange = noteRange
        self.quoting = quoting
        self.templateValues = templateValues
        self.hasBody = hasBody
    }

    /// A note with no body to check.
    static func note(_ message: String, at range: Range<Int>) -> EmbeddedBody {
        EmbeddedBody(text: MappedText.empty, note: message, noteRange: range, quoting: .none, hasBody: false)
    }

    /// A request sent with no body (a curl command without `-d`, an HTTP request without one):
    /// the empty body is checked, as the API would receive it, after the note.
    static func emptyBody(note message: String, at range: Range<Int>) -> EmbeddedBody {
        EmbeddedBody(text: MappedText.empty, note: message, noteRange: range, quoting: .none)
    }
}

/// How text is written where an embedded body sits, so that a fix made on the body can be made
/// in the input: inside a JSON string quotes are escaped, inside shell single quotes a quote
/// is closed and reopened, in a Python literal `true` is `True`.
enum ReplacementQuoting: Sendable {
    case plain
    case jsonString
    case shellSingleQuotes
    case shellDoubleQuotes
    case shellANSIC
    case python
    /// Where no replacement can be written (a body put together from several pieces).
    case none

    /// The replacement as written there; nil when it cannot be.
    func quote(_ replacement: String) -> String? {
        switch self {
        case .plain: return replacement
        case .none: return nil
        case .jsonString:
            let quoted = JSONString.quoted(replacement)
            return String(quoted.dropFirst().dropLast())
        case .shellSingleQuotes:
            return replacement.replacingAll("'", with: "'\\''")
        case .shellDoubleQuotes:
            var result = ""
            for character in replacement {
                if "\\\"$`".contains(character) { result.append("\\") }
                result.append(character)
            }
            return result
        case .shellANSIC:
            var result = ""
            for character in replacement {
                if character == "\\" || character == "'" { result.append("\\") }
                result.append(character)
            }
            return result
        case .python:
            return Self.pythonLiterals(replacement)
        }
    }

    /// JSON's `true`, `false` and `null` outside strings as Python writes them.
    static func pythonLiterals(_ json: String) -> String {
        var result = ""
        var inString = false
        var escaped = false
        var word = ""
        func flushWord() {
            switch word {
            case "true": result += "True"
            case "false": result += "False"
            case "null": result += "None"
            default: result += word
            }
            word = ""
        }
        for character in json {
            if inString {
                result.append(character)
                if escaped {
                    escaped = false
                } else if character == "\\" {
                    escaped = true
                } else if character == "\"" {
                    inString = false
                }
            } else if character.isLetter {
                word.append(character)
            } else {
                flushWord()
                if character == "\"" { inString = true }
                result.append(character)
            }
        }
        flushWord()
        return result
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
