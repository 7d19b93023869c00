/// The programming languages whose source call-lint reads request bodies from: the languages of
/// Genesys' SDKs and of the code people write around the call. TypeScript is read as
/// JavaScript (its types are passed over).
public enum CodeLanguage: String, CaseIterable, Sendable {
    case javascript, typescript, python, csharp, java, go

    /// The name in notes.
    var displayName: String {
        switch self {
        case .javascript: return "JavaScript"
        case .typescript: return "TypeScript"
        case .python: return "Python"
        case .csharp: return "C#"
        case .java: return "Java"
        case .go: return "Go"
        }
    }

    /// How the language writes strings and comments.
    var lexicon: CodeLexicon {
        switch self {
        case .javascript, .typescript: return .javascript
        case .python: return .python
        case .csharp: return .csharp
        case .java: return .java
        case .go: return .go
        }
    }

    /// The language of a file named on the command line, by its extension.
    public static func of(fileName name: String) -> CodeLanguage? {
        guard let dot = name.utf8.lastIndex(of: UInt8(ascii: ".")) else { return nil }
        let slash = name.utf8.lastIndex(of: UInt8(ascii: "/"))
        if let slash, slash > dot { return nil }
        return of(label: String(name[name.index(after: dot)...]))
    }

    /// The language a Markdown fence label or a file extension names.
    static func of(label: String) -> CodeLanguage? {
        switch label.lowercased() {
        case "js", "javascript", "jsx", "mjs", "cjs", "node", "nodejs": return .javascript
        case "ts", "typescript", "tsx", "mts", "cts": return .typescript
        case "py", "python", "python3", "py3": return .python
        case "cs", "csharp", "c#", "dotnet", ".net": return .csharp
        case "java": return .java
        case "go", "golang": return .go
        default: return nil
        }
    }
}

/// The lexical conventions a tokenizer follows.
enum CodeLexicon {
    case javascript, python, csharp, java, go
}
