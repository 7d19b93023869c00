/// What a program's tokens say about the values it builds: the names it binds (`const body =
/// {…}`, `body = CreateCallRequest()`, `number := "+1…"`), the models it constructs, and what
/// an expression is (a literal, an object, a list, a model, or a value the program computes).
struct CodeProgram {
    let tokens: CodeTokens
    let language: CodeLanguage
    /// Each bound name's bindings in order: the name's token and where its value starts.
    private(set) var bindings: [String: [(name: Int, value: Int)]] = [:]

    /// Worked out when first asked for: most programs never need them.
    private final class Indexes {
        /// Where each word occurs, by a hash of its bytes: a bound name's later uses are found
        /// without reading the whole program again for each name.
        var occurrences: [UInt64: [Int32]]?
        /// Python: for each token that starts a line, where the block its line opens ends (the
        /// next line indented less).
        var pythonBlockEnds: [Int32]?
    }

    private let indexes = Indexes()

    init(tokens: CodeTokens, language: CodeLanguage) {
        self.tokens = tokens
        self.language = language
        bindings = findBindings()
    }

    private var occurrences: [UInt64: [Int32]] {
        if let known = indexes.occurrences { return known }
        var found: [UInt64: [Int32]] = [:]
        for index in 0..<tokens.count where tokens[index].kind == .word {
            found[Self.hash(tokens.bytes[tokens[index].range]), default: []].append(Int32(index))
        }
        indexes.occurrences = found
        return found
    }

    private var pythonBlockEnds: [Int32] {
        if let known = indexes.pythonBlockEnds { return known }
        let found = findPythonBlockEnds()
        indexes.pythonBlockEnds = found
        return found
    }

    private static func hash(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return hash
    }

    /// The tokens that are the word `word`, in order.
    func uses(of word: Int) -> [Int32] {
        let bytes = tokens.bytes[tokens[word].range]
        return (occurrences[Self.hash(bytes)] ?? []).filter { tokens.bytes[tokens[Int($0)].range].elementsEqual(bytes) }
    }

    private func findPythonBlockEnds() -> [Int32] {
        var ends = Array(repeating: Int32(tokens.count), count: tokens.count)
        var open: [(indent: Int, token: Int)] = []
        for index in 0..<tokens.count where tokens[index].startsLine {
            let indent = indentation(of: index)
            while let last = open.last, last.indent > indent {
                ends[last.token] = Int32(index)
                open.removeLast()
            }
            open.append((indent, index))
        }
        return ends
    }

    /// The first token of the line that holds the token at `index`.
    private func lineStart(of index: Int) -> Int {
        var index = index
        while index > 0, !tokens[index].startsLine { index -= 1 }
        return index
    }

    var lexicon: CodeLexicon { tokens.lexicon }

    /// What an expression is, for the body it helps to make.
    indirect enum ValueForm {
        case string(Int)
        case number(Int)
        /// `true`, `false`, `null` (and their spellings: `None`, `nil`), as JSON writes them.
        case keyword(Int, json: String)
        /// `-1`.
        case negativeNumber(minus: Int, number: Int)
        /// A JavaScript object, a Python dict, a Go map, or a Go composite whose type the slice
        /// it is in names.
        case object(open: Int)
        /// A list; a Go slice's elements written `{…}` have its element type, `elementModel`.
        case array(elements: [Range<Int>], at: Range<Int>, elementModel: (model: ModelBuild.Model, type: Int)? = nil)
        case model(ModelBuild)
        /// Keys and values in turn: Java's `Map.of("phoneNumber", n, …)`, Python's `dict(k=v)`,
        /// C#'s anonymous `new { phoneNumber = n }` (a key a string or a name as written).
        case pairs([(key: Int, value: Range<Int>)], at: Range<Int>)
        /// Objects merged into one: `Object.assign({}, defaults, { phoneNumber })`.
        case merged([Range<Int>], at: Range<Int>)
        /// A value the program works out: written as a template value.
        case computed(Range<Int>)
    }

    // MARK: Bindings

    private func findBindings() -> [String: [(name: Int, value: Int)]] {
        var found: [String: [(name: Int, value: Int)]] = [:]
        var index = 0
        while index + 2 < tokens.count {
            defer { index += 1 }
            guard tokens[index].kind == .word else { continue }
            var separator = index + 1
            // `payload, err := json.Marshal(body)`, `a, b = …`: the first name.
            if tokens.isSymbol(separator, ","), separator + 2 < tokens.count, tokens[separator + 1].kind == .word,
                tokens.isSymbol(separator + 2, ":=") || tokens.isSymbol(separator + 2, "="),
                !tokens.isSymbol(index - 1, ","), !tokens.isSymbol(index - 1, "(")
            {
                separator += 2
            }
            // `name: Type = value` (TypeScript, Python annotations).
            if lexicon == .javascript || lexicon == .python, tokens.isSymbol(separator, ":") {
                var probe = separator + 1
                while probe < min(tokens.count, separator + 12), !tokens[probe].startsLine || probe == separator + 1 {
                    if tokens.isSymbol(probe, "=") { break }
                    if tokens.isSymbol(probe, ",") || tokens.isSymbol(probe, ";") || tokens.isSymbol(probe, ")")
                        || tokens.isSymbol(probe, "}")
                    {
                        probe = tokens.count
                        break
                    }
                    if tokens.isOpeningBracket(probe), let partner = tokens.partner(of: probe) {
                        probe = partner
                    }
                    probe += 1
                }
                guard probe < tokens.count, tokens.isSymbol(probe, "=") else { continue }
                separator = probe
            } else if !(tokens.isSymbol(separator, "=") || tokens.isSymbol(separator, ":=")) {
                continue
            }
            // Not a member (`a.b = …`), not a keyword argument or initializer member (`f(json=…)`).
            if index > 0, tokens.isSymbol(index - 1, ".") { continue }
            if index > 0, tokens.isSymbol(index - 1, ",") || tokens.isSymbol(index - 1, "(") { continue }
            if index > 0, tokens.isSymbol(index - 1, "{"), !tokens[index].startsLine { continue }
            guard separator + 1 < tokens.count else { continue }
            found[tokens.text(index), default: []].append((index, separator + 1))
        }
        return found
    }

    /// The value a name is bound to where it is used: the nearest binding before the use
    /// (the nearest after it when none comes before, as in a function defined above its data).
    func binding(of name: String, before use: Int) -> (name: Int, value: Range<Int>)? {
        guard let candidates = bindings[name], !candidates.isEmpty else { return nil }
        let chosen = candidates.last { $0.name < use } ?? candidates.first!
        guard chosen.name != use else { return nil }
        return (chosen.name, chosen.value..<tokens.expressionEnd(from: chosen.value))
    }

    /// Whether a name is bound exactly once: then a literal it holds is certainly the value.
    func isBoundOnce(_ name: String) -> Bool { bindings[name]?.count == 1 }

    // MARK: Forms

    /// What the tokens `range` are.
    func form(of range: Range<Int>, depth: Int = 0) -> ValueForm {
        var range = trimmed(range)
        guard !range.isEmpty else { return .computed(range) }
        if tokens.isGroup(range, opening: "("), range.count > 2 {
            // (expression): unless it is a tuple or the start of a call.
            range = (range.lowerBound + 1)..<(range.upperBound - 1)
            return form(of: range, depth: depth)
        }
        let first = range.lowerBound
        let token = tokens[first]
        if range.count == 1 {
            switch token.kind {
            case .string: return .string(first)
            case .interpolated: return .computed(range)
            case .number: return Self.isJSONNumber(tokens.bytes[token.range]) ? .number(first) : .computed(range)
            case .word:
                if let json = keywordJSON(first) { return .keyword(first, json: json) }
                if depth < 4, let bound = literalBinding(of: first) { return bound }
                if depth < 4, let model = boundModel(of: first) { return model }
                return .computed(range)
            case .symbol: return .computed(range)
            }
        }
        if range.count == 2, tokens.isSymbol(first, "-"), tokens[first + 1].kind == .number,
            Self.isJSONNumber(tokens.bytes[tokens[first + 1].range])
        {
            return .negativeNumber(minus: first, number: first + 1)
        }
        if tokens.isGroup(range, opening: "{") {
            return lexicon == .javascript || lexicon == .python || lexicon == .go
                ? .object(open: first) : .computed(range)
        }
        if tokens.isGroup(range, opening: "["), lexicon == .javascript || lexicon == .python {
            return .array(elements: tokens.parts(of: first), at: range)
        }
        // Go's `&x`: the value x holds.
        if lexicon == .go, tokens.isSymbol(first, "&"), range.count == 2, tokens[first + 1].kind == .word,
            depth < 4, let bound = literalBinding(of: first + 1)
        {
            return bound
        }
        if let construction = construction(in: range) { return construction }
        if let call = knownCall(in: range) { return call }
        return .computed(range)
    }

    /// Calls that make an object whose keys can be read: `Object.assign(…)`, `dict(…)`.
    private func knownCall(in range: Range<Int>) -> ValueForm? {
        let first = range.lowerBound
        if lexicon == .javascript, range.count > 4, tokens.isWord(first, "Object"), tokens.isSymbol(first + 1, "."),
            tokens.isWord(first + 2, "assign"), tokens.isGroup((first + 3)..<range.upperBound, opening: "(")
        {
            return .merged(tokens.parts(of: first + 3), at: range)
        }
        if lexicon == .python, range.count > 2, tokens.isWord(first, "dict"),
            tokens.isGroup((first + 1)..<range.upperBound, opening: "(")
        {
            return namedArguments(of: first + 1).map { .pairs($0, at: range) }
        }
        return nil
    }

    /// A range without what does not change the value: `await`, TypeScript's `as T`,
    /// `satisfies T` and `!`, a C# or Java cast is not passed over (it may convert).
    func trimmed(_ range: Range<Int>) -> Range<Int> {
        var range = range
        while !range.isEmpty, tokens.isWord(range.lowerBound, "await") {
            range = (range.lowerBound + 1)..<range.upperBound
        }
        if lexicon == .javascript {
            var index = range.lowerBound
            while index < range.upperBound {
                if tokens.isOpeningBracket(index), let partner = tokens.partner(of: index) {
                    index = partner + 1
                    continue
                }
                if index > range.lowerBound, tokens.isWord(index, "as") || tokens.isWord(index, "satisfies") {
                    range = range.lowerBound..<index
                    break
                }
                index += 1
            }
            if range.count > 1, tokens.isSymbol(range.upperBound - 1, "!") {
                range = range.lowerBound..<(range.upperBound - 1)
            }
        }
        return range
    }

    private func keywordJSON(_ index: Int) -> String? {
        switch tokens.text(index) {
        case "true": return lexicon == .python ? nil : "true"
        case "false": return lexicon == .python ? nil : "false"
        case "null": return lexicon == .python || lexicon == .go ? nil : "null"
        case "True": return lexicon == .python ? "true" : nil
        case "False": return lexicon == .python ? "false" : nil
        case "None": return lexicon == .python ? "null" : nil
        case "nil": return lexicon == .go ? "null" : nil
        default: return nil
        }
    }

    /// A literal a name is bound to once: `number := "+13175550123"`, `const callerId = '…'`.
    private func literalBinding(of index: Int) -> ValueForm? {
        let name = tokens.text(index)
        guard isBoundOnce(name), let bound = binding(of: name, before: index), bound.value.count == 1 else {
            return nil
        }
        let value = bound.value.lowerBound
        switch tokens[value].kind {
        case .string: return .string(value)
        case .number: return Self.isJSONNumber(tokens.bytes[tokens[value].range]) ? .number(value) : nil
        default: return nil
        }
    }

    /// A model a name holds: `dest` in `Participants = new List<Destination> { dest }`.
    private func boundModel(of index: Int) -> ValueForm? {
        guard lexicon != .javascript, let bound = binding(of: tokens.text(index), before: index),
            case .model(var build) = construction(in: bound.value) ?? .computed(0..<0)
        else { return nil }
        build.fields += statements(on: bound.name, until: index, model: build.model)
        return .model(build)
    }

    static func isJSONNumber(_ bytes: ArraySlice<UInt8>) -> Bool {
        var index = bytes.startIndex
        guard index < bytes.endIndex else { return false }
        func digits() -> Int {
            let start = index
            while index < bytes.endIndex, JSONByte.isDigit(bytes[index]) { index += 1 }
            return index - start
        }
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
        } else if digits() == 0 {
            return false
        }
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard digits() > 0 else { return false }
        }
        if index < bytes.endIndex, bytes[index] | 0x20 == UInt8(ascii: "e") {
            index += 1
            if index < bytes.endIndex, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard digits() > 0 else { return false }
        }
        return index == bytes.endIndex
    }

    // MARK: Models

    private static let mapTypes: Set<String> = [
        "JSONObject", "JsonObject", "HashMap", "LinkedHashMap", "TreeMap", "ObjectNode", "JObject", "Dictionary",
    ]

    private static let listTypes: Set<String> = [
        "List", "IList", "ArrayList", "LinkedList", "IEnumerable", "ICollection", "Collection", "IReadOnlyList",
    ]

    /// A model construction, or a list of values, the tokens `range` make.
    func construction(in range: Range<Int>) -> ValueForm? {
        guard !range.isEmpty else { return nil }
        switch lexicon {
        case .csharp, .java: return newExpression(in: range)
        case .go: return compositeLiteral(in: range)
        case .python: return pythonCall(in: range)
        case .javascript: return nil
        }
    }

    /// `new T(args) { init }` (C#), `new T().a(x).b(y)` (Java), `new List<T> { … }`, `new T[] {
    /// … }`, `Arrays.asList(…)`, `List.of(…)`.
    private func newExpression(in range: Range<Int>) -> ValueForm? {
        var index = range.lowerBound
        if !tokens.isWord(index, "new") {
            // Arrays.asList(a, b), List.of(a), Collections.singletonList(a).
            var last = index
            while last + 2 < range.upperBound, tokens.isSymbol(last + 1, "."), tokens[last + 2].kind == .word {
                last += 2
            }
            let name = tokens.text(last)
            guard tokens[last].kind == .word, ["asList", "of", "singletonList"].contains(name),
                tokens.isGroup((last + 1)..<range.upperBound, opening: "(")
            else { return nil }
            let arguments = tokens.parts(of: last + 1)
            if last >= 2, tokens.text(last - 2).hasSuffix("Map") {
                // Map.of(k1, v1, k2, v2): string keys only; any other is not a body's.
                guard arguments.count % 2 == 0 else { return nil }
                var pairs: [(key: Int, value: Range<Int>)] = []
                for index in stride(from: 0, to: arguments.count, by: 2) {
                    let key = arguments[index]
                    guard key.count == 1, tokens[key.lowerBound].kind == .string else { return nil }
                    pairs.append((key.lowerBound, arguments[index + 1]))
                }
                return .pairs(pairs, at: range)
            }
            return .array(elements: arguments, at: range)
        }
        index += 1
        // C#'s anonymous object, serialized with its names as written: `new { phoneNumber = n }`.
        if lexicon == .csharp, tokens.isGroup(index..<range.upperBound, opening: "{") {
            return namedArguments(of: index).map { .pairs($0, at: range) }
        }
        let typeToken = qualifiedName(from: &index, before: range.upperBound)
        // Generic arguments: `List<Destination>`, `ArrayList<>`.
        if tokens.isSymbol(index, "<") {
            var nesting = 0
            while index < range.upperBound {
                if tokens.isSymbol(index, "<") { nesting += 1 }
                if tokens.isSymbol(index, ">") { nesting -= 1 }
                index += 1
                if nesting == 0 { break }
            }
        }
        var isArray = false
        if tokens.isSymbol(index, "["), tokens.partner(of: index) == index + 1 {
            isArray = true
            index += 2
        }
        let typeName = typeToken.map { tokens.text($0) } ?? ""
        var arguments: Int?
        if tokens.isSymbol(index, "("), let close = tokens.partner(of: index) {
            arguments = index
            index = close + 1
        }
        var initializer: Int?
        if tokens.isSymbol(index, "{"), let close = tokens.partner(of: index) {
            initializer = index
            index = close + 1
        }
        if isArray || typeToken == nil || Self.listTypes.contains(typeName) {
            if let initializer, index == range.upperBound {
                return .array(elements: tokens.parts(of: initializer), at: range)
            }
            if let arguments, index == range.upperBound, let only = tokens.parts(of: arguments).first,
                tokens.parts(of: arguments).count == 1, case .array(let elements, _, _) = form(of: only, depth: 1)
            {
                return .array(elements: elements, at: range)
            }
            return nil
        }
        // A map filled in afterwards (`jo.put("phoneNumber", n)`): its keys as written.
        if let typeToken, Self.mapTypes.contains(typeName), initializer == nil {
            return .model(ModelBuild(model: .map, typeToken: typeToken, fields: []))
        }
        guard let typeToken, let model = ModelBuild.Model.named(typeName) else { return nil }
        var build = ModelBuild(model: model, typeToken: typeToken, fields: [])
        if let arguments, lexicon == .csharp { build.fields += fields(in: arguments, separator: ":", style: .pascal) }
        if let initializer { build.fields += fields(in: initializer, separator: "=", style: .pascal) }
        // Java's builder chain: `.phoneNumber("…").callerId(…)`.
        build.fields += chain(from: index, to: range.upperBound)
        return .model(build)
    }

    /// The fields a Java builder chain sets, from `.name(value)` at `index` on.
    private func chain(from start: Int, to end: Int) -> [ModelBuild.Field] {
        var fields: [ModelBuild.Field] = []
        var index = start
        while index + 2 < end, tokens.isSymbol(index, "."), tokens[index + 1].kind == .word,
            tokens.isSymbol(index + 2, "("), let close = tokens.partner(of: index + 2)
        {
            let name = index + 1
            let written = tokens.text(name)
            let style: FieldSpellingStyle = written.hasPrefix("set") ? .setter : .camel
            if let value = tokens.parts(of: index + 2).first {
                fields.append(field(name, value: value, style: style))
            }
            index = close + 1
        }
        return fields
    }

    /// `platformclientv2.Createcallrequest{…}`, `&…{…}`, `[]platformclientv2.Destination{{…}}`.
    private func compositeLiteral(in range: Range<Int>) -> ValueForm? {
        var index = range.lowerBound
        // map[string]interface{}{"phoneNumber": n}: an object, its keys strings.
        if tokens.isWord(index, "map"), tokens.isSymbol(range.upperBound - 1, "}"),
            let open = tokens.partner(of: range.upperBound - 1), open > index
        {
            return .object(open: open)
        }
        if tokens.isSymbol(index, "&") { index += 1 }
        var isSlice = false
        if tokens.isSymbol(index, "["), tokens.partner(of: index) == index + 1 {
            isSlice = true
            index += 2
        }
        if tokens.isSymbol(index, "*") { index += 1 }
        let typeToken = qualifiedName(from: &index, before: range.upperBound)
        guard let typeToken, tokens.isSymbol(index, "{"), tokens.partner(of: index) == range.upperBound - 1 else {
            return nil
        }
        let model = ModelBuild.Model.named(tokens.text(typeToken))
        if isSlice {
            // Elements written `{Address: &a}` have the slice's type.
            return .array(
                elements: tokens.parts(of: index), at: range, elementModel: model.map { ($0, typeToken) })
        }
        guard let model else { return nil }
        return .model(goModel(model, typeToken: typeToken, open: index))
    }

    /// A dotted name (`platformclientv2.Createcallrequest`) from `index` on: its last word's
    /// token, with `index` moved past it.
    private func qualifiedName(from index: inout Int, before end: Int) -> Int? {
        var last: Int?
        while index < end, tokens[index].kind == .word {
            last = index
            index += 1
            guard tokens.isSymbol(index, "."), index + 1 < end, tokens[index + 1].kind == .word else { break }
            index += 1
        }
        return last
    }

    /// The `name = value` parts between the bracket at `open` and its partner; nil when any
    /// part is not one.
    private func namedArguments(of open: Int) -> [(key: Int, value: Range<Int>)]? {
        var pairs: [(key: Int, value: Range<Int>)] = []
        for part in tokens.parts(of: open) {
            guard let (name, value) = tokens.namedValue(in: part, separators: ["="]) else { return nil }
            pairs.append((name, value))
        }
        return pairs
    }

    func goModel(_ model: ModelBuild.Model, typeToken: Int, open: Int) -> ModelBuild {
        ModelBuild(model: model, typeToken: typeToken, fields: fields(in: open, separator: ":", style: .pascal))
    }

    /// `PureCloudPlatformClientV2.CreateCallRequest()`, with keyword arguments if any.
    private func pythonCall(in range: Range<Int>) -> ValueForm? {
        var index = range.lowerBound
        let typeToken = qualifiedName(from: &index, before: range.upperBound)
        guard let typeToken, let model = ModelBuild.Model.named(tokens.text(typeToken)),
            tokens.isGroup(index..<range.upperBound, opening: "(")
        else { return nil }
        return .model(
            ModelBuild(model: model, typeToken: typeToken, fields: fields(in: index, separator: "=", style: .snake)))
    }

    /// The fields written `Name: value` or `Name = value` between the bracket at `open` and its
    /// partner; parts of another shape are passed over.
    private func fields(in open: Int, separator: StaticString, style: FieldSpellingStyle) -> [ModelBuild.Field] {
        tokens.parts(of: open).compactMap { part in
            tokens.namedValue(in: part, separators: [separator]).map { field($0.name, value: $0.value, style: style) }
        }
    }

    func field(_ name: Int, value: Range<Int>, style: FieldSpellingStyle) -> ModelBuild.Field {
        var written = tokens.text(name)
        if tokens[name].kind == .string {
            written = String(decoding: tokens.rawContent(name), as: UTF8.self)
        }
        return ModelBuild.Field(name: name, jsonName: style.jsonName(written), value: value)
    }

    // MARK: Statements on a bound value

    /// The fields set on a bound name after its binding: `body.PhoneNumber = …;` (C#, Go,
    /// JavaScript), `body.phone_number = …` (Python), `body.setPhoneNumber(…);` and
    /// `body.phoneNumber(…)` (Java), up to `until` (where the body is sent), the end of the
    /// block it is bound in, or the name's next binding. A field set in a branch is marked so.
    func statements(on nameToken: Int, until: Int?, model: ModelBuild.Model?) -> [ModelBuild.Field] {
        let block = tokens.enclosingBrace(of: nameToken)
        var end = min(until ?? tokens.count, block.flatMap { tokens.partner(of: $0) } ?? tokens.count)
        let baseIndent = lexicon == .python ? indentation(of: nameToken) : 0
        if lexicon == .python, baseIndent > 0 { end = min(end, Int(pythonBlockEnds[lineStart(of: nameToken)])) }
        let after = tokens.expressionEnd(from: nameToken + 1)
        var fields: [ModelBuild.Field] = []
        var resumeAt = after
        for use in uses(of: nameToken) {
            let index = Int(use)
            guard index >= resumeAt else { continue }
            guard index < end else { break }
            guard !tokens.isSymbol(index - 1, ".") else { continue }
            if tokens.isSymbol(index + 1, "=") || tokens.isSymbol(index + 1, ":=") { break }
            let conditional =
                tokens.enclosingBrace(of: index) != block || isGuarded(index) || tokens.isWord(index - 1, "else")
                || (lexicon == .python && (indentation(of: index) > baseIndent || tokens.isSymbol(index - 1, ":")))
            var found: [ModelBuild.Field] = []
            if tokens.isSymbol(index + 1, "."), index + 2 < tokens.count, tokens[index + 2].kind == .word {
                let member = index + 2
                if tokens.isSymbol(member + 1, "=") {
                    let value = (member + 2)..<tokens.expressionEnd(from: member + 2)
                    let style: FieldSpellingStyle =
                        lexicon == .python ? .snake : lexicon == .javascript || lexicon == .java ? .camel : .pascal
                    found.append(field(member, value: value, style: style))
                    resumeAt = value.upperBound
                } else if ["put", "addProperty", "Add", "set"].contains(tokens.text(member)),
                    tokens.isSymbol(member + 1, "("), case let entry = tokens.parts(of: member + 1), entry.count == 2,
                    entry[0].count == 1, tokens[entry[0].lowerBound].kind == .string
                {
                    // A map's entry: `jo.put("phoneNumber", n)`, `json.addProperty(…)`, `body.Add(…)`.
                    found.append(field(entry[0].lowerBound, value: entry[1], style: .camel))
                    resumeAt = (tokens.partner(of: member + 1) ?? member) + 1
                } else if lexicon == .java, tokens.isSymbol(member + 1, "(") {
                    let end = tokens.expressionEnd(from: index)
                    found += chain(from: index + 1, to: end).filter { field in
                        tokens.text(field.name).hasPrefix("set") || (model?.fields[field.jsonName] != nil)
                    }
                    resumeAt = end
                }
            } else if lexicon != .go, lexicon != .java, tokens.isSymbol(index + 1, "["),
                index + 4 < tokens.count, tokens[index + 2].kind == .string, tokens.isSymbol(index + 3, "]"),
                tokens.isSymbol(index + 4, "=")
            {
                let value = (index + 5)..<tokens.expressionEnd(from: index + 5)
                found.append(field(index + 2, value: value, style: .camel))
                resumeAt = value.upperBound
            }
            fields += found.map { field in
                var field = field
                field.isConditional = conditional
                return field
            }
        }
        return fields
    }

    /// Whether the statement at `index` is the body of an unbraced `if (…)`, `for (…)`,
    /// `while (…)`.
    private func isGuarded(_ index: Int) -> Bool {
        guard tokens.isSymbol(index - 1, ")"), let open = tokens.partner(of: index - 1) else { return false }
        return ["if", "for", "foreach", "while"].contains { tokens.isWord(open - 1, $0) }
    }

    /// The blanks before the line that holds the token at `index`.
    func indentation(of index: Int) -> Int {
        var start = tokens[index].start
        while start > 0, tokens.bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
        var width = 0
        while start + width < tokens.bytes.count,
            tokens.bytes[start + width] == UInt8(ascii: " ") || tokens.bytes[start + width] == UInt8(ascii: "\t")
        {
            width += 1
        }
        return width
    }
}
