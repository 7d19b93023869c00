/// Finds the request bodies a program sends to POST /api/v2/conversations/calls, most certain
/// first: the argument of an SDK call (`postConversationsCalls(body)`, the WebRTC SDK's
/// `startSoftphoneSession({…})`), the body of an HTTP request to the calls path (`fetch`,
/// `axios`, `requests.post(json=…)`, a wrapper given the path), a model the typed SDKs build
/// (`new CreateCallRequest {…}`); following a name to what it is bound to and
/// `JSON.stringify(x)` to x. When no call that sends one is seen, the object literal most like
/// a call body is taken, and the note says so.
struct CodeBodyFinder {
    struct Found {
        enum Source {
            /// A JavaScript object or Python dict, with the fields set on it afterwards.
            case object(open: Int, extra: [ModelBuild.Field])
            case model(ModelBuild)
            /// Any other value that makes an object (Java's `Map.of(…)`).
            case value(Range<Int>)
        }

        let source: Source
        /// What was read, for the note: "the body passed to postConversationsCalls".
        let description: String
        /// Where the note points.
        let anchor: Int
    }

    let program: CodeProgram
    private let tokens: CodeTokens

    init(program: CodeProgram) {
        self.program = program
        tokens = program.tokens
    }

    /// SDK methods of the calls endpoint, folded (CodeTokens.foldedName).
    static let sendingMethods: Set<String> = [
        "postconversationscalls", "postconversationscallswithhttpinfo", "postconversationscallsasync",
        "postconversationscallsasyncwithhttpinfo", "startsoftphonesession",
    ]

    /// Calls whose argument is serialized as the body.
    static let serializers: Set<String> = [
        "stringify", "dumps", "SerializeObject", "Serialize", "toJson", "writeValueAsString", "Marshal",
        "MarshalIndent", "jsonify", "encode",
    ]

    /// Calls that wrap a serialized body for sending: Go's `bytes.NewBuffer(b)`, .NET's
    /// `new StringContent(json)`, Java's `BodyPublishers.ofString(json)`.
    static let bodyWrappers: Set<String> = ["NewBuffer", "NewReader", "StringContent", "ofString", "StringEntity"]

    /// Calls that send a request, when no path tells.
    static let requestCallees: Set<String> = [
        "fetch", "post", "put", "patch", "request", "ajax", "axios", "send", "postasync", "postasjsonasync",
        "sendasync", "urlopen", "newrequest", "got", "execute",
    ]

    /// Calls whose second positional argument is the body: `axios.post(url, body)`.
    static let positionalBodyCallees: Set<String> = [
        "post", "put", "patch", "postasync", "postasjsonasync", "putasync", "newrequest",
    ]

    /// The first letters (lowercased) of every name above and of `post…Conversation…`.
    private static let firstLetters: Set<UInt8> = Set(
        (sendingMethods.union(requestCallees).union(positionalBodyCallees).map { $0.utf8.first! }) + [UInt8(ascii: "p")]
    )

    /// The names a request's options give its body.
    static let bodyOptions: Set<String> = ["body", "data", "json", "content", "payload"]

    /// Keys that only a call body has: the evidence for the object most like one.
    static let callKeys: Set<String> = [
        "phoneNumber", "callerId", "callerIdName", "callFromQueueId", "callQueueId", "callUserId", "conversationIds",
        "uuiData", "externalContactId", "routingSkillsIds", "routingSkillExpression",
    ]

    func bodies() -> [Found] {
        let marks = pathMarks()
        var found: [Found] = []
        var weak: [Found] = []
        var seen = Set<Int>()
        func add(_ body: Found, to list: inout [Found]) {
            if seen.insert(body.anchor).inserted { list.append(body) }
        }
        var excluded: [Range<Int>] = []
        var index = 0
        while index + 1 < tokens.count {
            defer { index += 1 }
            guard tokens[index].kind == .word, let open = callOpening(after: index),
                let close = tokens.partner(of: open)
            else { continue }
            // Most calls name none of these, and are told apart by the first letter alone.
            let marked = marks.calls.contains(open) || marks.other.contains(open)
            guard marked || Self.firstLetters.contains(tokens.bytes[tokens[index].start] | 0x20) else { continue }
            let folded = tokens.foldedName(index)
            let arguments = tokens.parts(of: open)
            if Self.sendingMethods.contains(folded) {
                let argument =
                    arguments.lazy.compactMap { part in
                        tokens.namedValue(in: part, separators: ["=", ":"]).flatMap { named in
                            tokens.text(named.name) == "body" ? named.value : nil
                        }
                    }.first ?? arguments.first
                if let argument,
                    let body = resolve(
                        argument, use: index,
                        description: "the body passed to \(tokens.text(index)), as the JSON the SDK sends")
                {
                    add(body, to: &found)
                }
                continue
            }
            if folded.hasPrefix("postconversation") || folded.hasPrefix("patchconversation")
                || folded.hasPrefix("putconversation")
            {
                excluded.append(index..<close + 1)
                continue
            }
            let toCalls = marks.calls.contains(open)
            if marks.other.contains(open), !toCalls {
                excluded.append(index..<close + 1)
                continue
            }
            guard toCalls || Self.requestCallees.contains(folded) else { continue }
            let description =
                toCalls
                ? "the body of its request to /api/v2/conversations/calls, as the JSON sent"
                : "the body its \(tokens.text(index))(…) call sends, as JSON"
            var candidates = bodyArguments(arguments, callee: folded, use: index)
            // A helper given the calls path and the body (`post(trackId, user, url, entity)`):
            // the argument that is an object with a call's fields.
            let anyArgument = candidates.isEmpty && toCalls
            if anyArgument { candidates = arguments }
            for argument in candidates {
                guard let body = resolve(argument, use: index, description: description) else { continue }
                if anyArgument, callKeyCount(body) == 0 { continue }
                if toCalls { add(body, to: &found) } else { add(body, to: &weak) }
            }
        }
        found += constructions().filter { seen.insert($0.anchor).inserted }
        if !found.isEmpty { return found }
        let likely = weak.filter { callKeyCount($0) > 0 }
        if !likely.isEmpty { return likely }
        return mostLikelyLiteral(excluding: excluded).map { [$0] } ?? []
    }

    /// The `(` of a call of the name at `index`: `post(`, or with type arguments between,
    /// `post<CallResponse>(` (TypeScript, C#, Java).
    private func callOpening(after index: Int) -> Int? {
        if tokens.isSymbol(index + 1, "(") { return index + 1 }
        guard tokens.isSymbol(index + 1, "<") else { return nil }
        var nesting = 0
        var probe = index + 1
        while probe < min(tokens.count, index + 16) {
            if tokens.isSymbol(probe, "<") { nesting += 1 }
            if tokens.isSymbol(probe, ">") {
                nesting -= 1
                if nesting == 0 { return tokens.isSymbol(probe + 1, "(") ? probe + 1 : nil }
            }
            probe += 1
        }
        return nil
    }

    /// The arguments of a request call that may be its body: an option named body, data or
    /// json (in an options object, bound or written there, or as a keyword argument), else the
    /// second positional argument of a `post`.
    private func bodyArguments(_ arguments: [Range<Int>], callee: String, use: Int) -> [Range<Int>] {
        var bodies: [Range<Int>] = []
        for argument in arguments {
            if let named = tokens.namedValue(in: argument, separators: ["="]),
                Self.bodyOptions.contains(tokens.text(named.name))
            {
                bodies.append(named.value)
                continue
            }
            var options = argument
            if argument.count == 1, tokens[argument.lowerBound].kind == .word,
                let bound = program.binding(of: tokens.text(argument.lowerBound), before: use),
                tokens.isGroup(bound.value, opening: "{")
            {
                options = bound.value
            }
            guard tokens.isGroup(options, opening: "{") else { continue }
            for part in tokens.parts(of: options.lowerBound) {
                if let named = tokens.namedValue(in: part, separators: [":"]) {
                    let name =
                        tokens[named.name].kind == .string
                        ? String(decoding: tokens.rawContent(named.name), as: UTF8.self) : tokens.text(named.name)
                    if Self.bodyOptions.contains(name) { bodies.append(named.value) }
                } else if part.count == 1, Self.bodyOptions.contains(tokens.text(part.lowerBound)) {
                    bodies.append(part)  // { body }
                }
            }
        }
        if bodies.isEmpty, Self.positionalBodyCallees.contains(callee), arguments.count >= 2 {
            let positional = arguments.filter { tokens.namedValue(in: $0, separators: ["="]) == nil }
            if positional.count >= 2 {
                bodies.append(positional[positional.count >= 3 && callee == "newrequest" ? 2 : 1])
            }
        } else if bodies.isEmpty, ["send", "post", "put", "patch"].contains(callee), arguments.count == 1 {
            bodies.append(arguments[0])
        }
        return bodies
    }

    /// What an expression sent as the body is: an object, a model, or a name bound to one,
    /// through a serializer call (`JSON.stringify(body)`).
    func resolve(_ range: Range<Int>, use: Int, description: String, depth: Int = 0) -> Found? {
        guard depth < 6, !range.isEmpty else { return nil }
        var range = program.trimmed(range)
        while !range.isEmpty, tokens.isWord(range.lowerBound, "await") || tokens.isSymbol(range.lowerBound, "&") {
            range = (range.lowerBound + 1)..<range.upperBound
        }
        guard !range.isEmpty else { return nil }
        // `jo.toString()`: the object it writes.
        if range.count == 5, tokens[range.lowerBound].kind == .word, tokens.isSymbol(range.lowerBound + 1, "."),
            ["toString", "toJSONString", "dump"].contains(tokens.text(range.lowerBound + 2)),
            tokens.isGroup((range.lowerBound + 3)..<range.upperBound, opening: "(")
        {
            return resolve(
                range.lowerBound..<range.lowerBound + 1, use: use, description: description, depth: depth + 1)
        }
        // A serializer's first argument: JSON.stringify(body, null, 2), json.dumps(body).encode().
        var probe = range.lowerBound
        if tokens.isWord(probe, "new") { probe += 1 }
        while probe + 1 < range.upperBound {
            if tokens[probe].kind == .word, tokens.isSymbol(probe + 1, "("), let close = tokens.partner(of: probe + 1) {
                let name = tokens.text(probe)
                if Self.serializers.contains(name) || Self.bodyWrappers.contains(name) {
                    guard let inner = tokens.parts(of: probe + 1).first else { return nil }
                    return resolve(inner, use: use, description: description, depth: depth + 1)
                }
                probe = close + 1
                continue
            }
            if tokens[probe].kind == .word, tokens.isSymbol(probe + 1, ".") || tokens.isSymbol(probe + 1, "?.") {
                probe += 2
                continue
            }
            break
        }
        if range.count == 1, tokens[range.lowerBound].kind == .word {
            let name = tokens.text(range.lowerBound)
            guard let bound = program.binding(of: name, before: use), bound.name != range.lowerBound else {
                return nil
            }
            guard let body = resolve(bound.value, use: bound.name, description: description, depth: depth + 1) else {
                return nil
            }
            switch body.source {
            case .object(let open, let extra):
                let set = program.statements(on: bound.name, until: use > bound.name ? use : nil, model: nil)
                return Found(
                    source: .object(open: open, extra: extra + set), description: description, anchor: body.anchor)
            case .model(var build):
                build.fields += program.statements(
                    on: bound.name, until: use > bound.name ? use : nil, model: build.model)
                return Found(source: .model(build), description: description, anchor: body.anchor)
            case .value:
                return Found(source: body.source, description: description, anchor: body.anchor)
            }
        }
        switch program.form(of: range) {
        case .object(let open)
        where program.lexicon == .javascript || program.lexicon == .python
            || program.lexicon == .go:
            return Found(source: .object(open: open, extra: []), description: description, anchor: open)
        case .model(let build) where build.model == .request:
            return Found(source: .model(build), description: description, anchor: build.typeToken)
        case .pairs, .merged:
            return Found(source: .value(range), description: description, anchor: range.lowerBound)
        case .model(let build) where build.model == .map:
            return Found(source: .model(build), description: description, anchor: build.typeToken)
        default:
            return nil
        }
    }

    /// Request models the typed SDKs build, each with what is set on it afterwards.
    private func constructions() -> [Found] {
        guard program.lexicon != .javascript else { return [] }
        var found: [Found] = []
        var isGenesys: Bool?
        for index in 0..<tokens.count where tokens[index].kind == .word && tokens[index].range.count == 17 {
            guard ModelBuild.Model.named(tokens.text(index)) == .request else { continue }
            // Other vendors' SDKs have a CreateCallRequest too (Twilio's, Bandwidth's, Vonage's).
            if isGenesys == nil { isGenesys = Self.mentionsGenesys(tokens.bytes) }
            guard isGenesys == true else { return [] }
            // The construction's first token: `new`, the package, `&`.
            var start = index
            while start >= 2, tokens.isSymbol(start - 1, "."), tokens[start - 2].kind == .word { start -= 2 }
            if tokens.isWord(start - 1, "new") { start -= 1 }
            if tokens.isSymbol(start - 1, "&") { start -= 1 }
            let end = tokens.expressionEnd(from: start)
            guard case .model(var build) = program.construction(in: start..<end) ?? .computed(0..<0) else {
                continue
            }
            // Bound: `var body = new …`, `body := …`, `CreateCallRequest body = new …`.
            if tokens.isSymbol(start - 1, "=") || tokens.isSymbol(start - 1, ":="), tokens[start - 2].kind == .word {
                build.fields += program.statements(on: start - 2, until: nil, model: .request)
            }
            if found.count >= 1000 { break }
            // `var body = new CreateCallRequest(); // CreateCallRequest | Call request`: the
            // SDK docs' example, a body left for the reader to fill in.
            if build.fields.isEmpty { continue }
            let name = tokens.text(build.typeToken)
            found.append(
                Found(
                    source: .model(build), description: "the \(name) it builds, as the JSON the SDK sends",
                    anchor: build.typeToken))
        }
        return found
    }

    private func callKeyCount(_ found: Found) -> Int {
        switch found.source {
        case .object(let open, let extra):
            return callKeyCount(of: open) + extra.filter { Self.callKeys.contains($0.jsonName) }.count
        case .model(let build) where build.model == .map:
            return build.fields.filter { Self.callKeys.contains($0.jsonName) }.count
        case .model: return 1
        case .value(let range):
            guard case .pairs(let pairs, _) = program.form(of: range) else { return 0 }
            return pairs.filter { Self.callKeys.contains(String(decoding: tokens.rawContent($0.key), as: UTF8.self)) }
                .count
        }
    }

    private func callKeyCount(of open: Int) -> Int {
        // A bare name is a key in JavaScript only; elsewhere it is a variable.
        memberKeys(of: open, bareNames: program.lexicon == .javascript).filter(Self.callKeys.contains).count
    }

    /// The keys an object literal writes `key: value`: quoted ones, and with `bareNames`
    /// names too.
    private func memberKeys(of open: Int, bareNames: Bool) -> [String] {
        tokens.parts(of: open).compactMap { part in
            guard part.count >= 3, tokens.isSymbol(part.lowerBound + 1, ":") else { return nil }
            switch tokens[part.lowerBound].kind {
            case .string: return String(decoding: tokens.rawContent(part.lowerBound), as: UTF8.self)
            case .word where bareNames: return tokens.text(part.lowerBound)
            default: return nil
            }
        }
    }

    /// With no call seen that sends a body: the object literal with the most of a call's own
    /// keys, outside requests to other endpoints; the whole text when it is one literal.
    private func mostLikelyLiteral(excluding excluded: [Range<Int>]) -> Found? {
        // A text that ends in one literal (a dict `print` shows, after its prompt line), not in
        // a class, a namespace or a function.
        if let first = (0..<tokens.count).first(where: { tokens.isSymbol($0, "{") }),
            tokens.partner(of: first) == tokens.count - 1, isObjectLiteral(first)
        {
            return Found(
                source: .object(open: first, extra: []), description: "the literal, as the JSON it stands for",
                anchor: first)
        }
        var best: (open: Int, count: Int)?
        for index in 0..<tokens.count where tokens.isSymbol(index, "{") {
            guard !excluded.contains(where: { $0.contains(index) }) else { continue }
            // What a function returns (a mapper's result, a response) is not sent from here.
            if tokens.isWord(index - 1, "return") || tokens.isSymbol(index - 1, "=>")
                || (tokens.isSymbol(index - 1, "(") && tokens.isSymbol(index - 2, "=>"))
            {
                continue
            }
            let count = callKeyCount(of: index)
            if count > (best?.count ?? 0), isObjectLiteral(index) { best = (index, count) }
        }
        guard let best else { return nil }
        if !isNamedLikeABody(best.open) {
            // One of a call's fields is not enough for an object no name calls a body; and
            // other programs have a callerId too (a PBX's, a softphone's state): with nothing
            // that names Genesys or the calls path, the object must have a number to dial.
            guard best.count >= 2 else { return nil }
            if !Self.mentionsGenesys(tokens.bytes), !Self.mentionsCallsPath(tokens.bytes) {
                guard memberKeys(of: best.open, bareNames: true).contains("phoneNumber") else { return nil }
            }
        }
        return Found(
            source: .object(open: best.open, extra: []),
            description: "the object most like a call body (no call that sends one was found)", anchor: best.open)
    }

    /// The brackets whose content names the calls path, or another Platform API path: a path
    /// string in them, or a name bound to one (`url = f"{base}/api/v2/conversations/calls"`).
    private func pathMarks() -> (calls: Set<Int>, other: Set<Int>) {
        var calls = Set<Int>()
        var other = Set<Int>()
        func mark(_ index: Int, _ kind: CodeTokens.PathKind) {
            var bracket = tokens.enclosingBracket(of: index)
            for _ in 0..<3 {
                guard let open = bracket else { return }
                if kind == .calls { calls.insert(open) } else { other.insert(open) }
                bracket = tokens.enclosingBracket(of: open)
            }
        }
        // A name's uses are marked once, however often it is bound to the path.
        var markedNames: Set<String> = []
        for index in 0..<tokens.count {
            guard let kind = tokens.pathKind(index) else { continue }
            mark(index, kind)
            // The name this string is bound to, if it is in a binding's value: its uses too.
            var probe = index - 1
            while probe >= 1, probe >= index - 24, !tokens.isSymbol(probe, ";") {
                if tokens.isSymbol(probe, "=") || tokens.isSymbol(probe, ":="), tokens[probe - 1].kind == .word {
                    // Only a name that holds the calls path: other paths' requests are told by
                    // their strings, which is all the fallback needs.
                    guard kind == .calls, markedNames.insert(tokens.text(probe - 1)).inserted else { break }
                    for use in program.uses(of: probe - 1) where !tokens.isSymbol(Int(use) + 1, "=") {
                        mark(Int(use), kind)
                    }
                    break
                }
                if tokens[probe].startsLine, probe < index, tokens.endsStatement(before: probe) { break }
                probe -= 1
            }
        }
        return (calls, other)
    }

    /// Whether the braces at `open` hold an object's members (`key: value`, `{ name }`, a
    /// spread), not a block of statements.
    func isObjectLiteral(_ open: Int) -> Bool {
        let parts = tokens.parts(of: open)
        guard !parts.isEmpty, let close = tokens.partner(of: open) else { return tokens.partner(of: open) == open + 1 }
        // A statement ends in `;`: a block.
        if (open..<close).contains(where: { tokens.isSymbol($0, ";") && tokens.enclosingBracket(of: $0) == open }) {
            return false
        }
        return parts.allSatisfy { part in
            tokens.isSymbol(part.lowerBound + 1, ":") || tokens.isSymbol(part.lowerBound, "...")
                || tokens.isSymbol(part.lowerBound, "**") || (part.count == 1 && tokens[part.lowerBound].kind == .word)
        }
    }

    /// Whether the object is bound to a name a request body goes by (`body`, `payload`,
    /// `callRequest`): a pasted snippet says so where it says nothing else.
    private func isNamedLikeABody(_ open: Int) -> Bool {
        var index = open - 1
        guard tokens.isSymbol(index, "=") else { return false }
        index -= 1
        // `const body: CreateCallRequest = {`: the annotation is passed over.
        var steps = 0
        while index > 0, steps < 8, !(tokens[index].kind == .word && tokens.isSymbol(index + 1, "=")),
            !tokens.isSymbol(index, ":")
        {
            index -= 1
            steps += 1
        }
        if tokens.isSymbol(index, ":") { index -= 1 }
        guard index >= 0, tokens[index].kind == .word else { return false }
        let name = tokens.text(index).lowercased()
        return ["body", "payload", "request"].contains { name.contains($0) }
    }

    static func mentionsCallsPath(_ bytes: [UInt8]) -> Bool {
        CodeTokens.firstOffset(of: Array("/conversations/calls".utf8), in: bytes[...]) != nil
    }

    /// Whether a text names Genesys' SDKs or platform anywhere (an import, a namespace).
    static func mentionsGenesys(_ bytes: [UInt8]) -> Bool {
        let markers = ["purecloud", "genesys", "platformclient"].map { Array($0.utf8) }
        for index in bytes.indices {
            let first = bytes[index] | 0x20
            guard first == UInt8(ascii: "p") || first == UInt8(ascii: "g") else { continue }
            for marker in markers where marker[0] == first && index + marker.count <= bytes.count {
                if (0..<marker.count).allSatisfy({ bytes[index + $0] | 0x20 == marker[$0] }) { return true }
            }
        }
        return false
    }
}
