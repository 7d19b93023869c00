/// JSON Schemas (draft 2020-12) of what call-lint reads: the request body, made from the
/// request model (CallRequestModel's fields and roles, FieldDescriptions' words), and the
/// configuration file, made from the settings Configuration.parse takes. An editor's JSON
/// support completes keys and shows descriptions with them and nothing else installed; the
/// linter still decides what is wrong (a schema cannot read a phone number).
public enum JSONSchemas {
    static let draft = "https://json-schema.org/draft/2020-12/schema"

    public static let requestBody: String = {
        let destination = object(
            fields: CallRequestModel.destinationFields, descriptions: FieldDescriptions.destination,
            title: FieldDescriptions.destinationModelName)
        var root = object(
            fields: CallRequestModel.requestFields, descriptions: FieldDescriptions.request,
            title: FieldDescriptions.requestModelName)
        root.insert(("$schema", .string(draft)), at: 0)
        root.insert(
            ("description", .string("The body of POST /api/v2/conversations/calls (Genesys Cloud Platform API).")),
            at: 2)
        root.append(("$defs", .object([(FieldDescriptions.destinationModelName, .object(destination))])))
        return JSONTree.object(root).indented + "\n"
    }()

    static func object(
        fields: [String: FieldRole], descriptions: [String: String], title: String
    )
        -> [(key: String, value: JSONTree)]
    {
        let properties = fields.keys.sorted().map { key -> (key: String, value: JSONTree) in
            var property = type(of: fields[key]!)
            if let description = descriptions[key] { property.insert(("description", .string(description)), at: 0) }
            return (key, .object(property))
        }
        return [
            ("title", .string(title)), ("type", .string("object")), ("properties", .object(properties)),
            ("additionalProperties", .bool(false)),
        ]
    }

    /// A field's type, or null: the API takes null as "not set", and so does the linter.
    static func type(of role: FieldRole) -> [(key: String, value: JSONTree)] {
        let string: JSONTree = .object([("type", .string("string"))])
        func nullable(_ type: String) -> JSONTree { [.string(type), "null"] }
        switch role {
        case .phoneNumber, .address, .identifier, .text: return [("type", nullable("string"))]
        case .integer:
            // JSON Schema's integer takes 5.0 too; the linter does not.
            return [("type", nullable("integer"))]
        case .identifierList: return [("type", nullable("array")), ("items", string)]
        case .stringMap: return [("type", nullable("object")), ("additionalProperties", string)]
        case .destinations:
            let item: JSONTree = .object([("$ref", .string("#/$defs/" + FieldDescriptions.destinationModelName))])
            return [("type", nullable("array")), ("items", item)]
        case .destination, .model, .object: return [("type", nullable("object"))]
        case .phoneNumberList, .textList, .modelList: return [("type", nullable("array"))]
        case .enumeration, .dateTime: return [("type", nullable("string"))]
        case .boolean: return [("type", nullable("boolean"))]
        case .number: return [("type", nullable("number"))]
        case .any: return []
        }
    }

    public static let configuration: String = {
        let ruleID: JSONTree = .object([("enum", .array(RuleRegistry.ids.map(JSONTree.string)))])
        let severity: JSONTree = .object([("enum", .array(Severity.allCases.map { .string($0.rawValue) }))])
        func strings(_ description: String, limit: Int, length: Int? = nil) -> JSONTree {
            var item: [(key: String, value: JSONTree)] = [("type", "string")]
            if let length { item.append(("maxLength", .int(length))) }
            return .object([
                ("description", .string(description)), ("type", .string("array")), ("items", .object(item)),
                ("maxItems", .int(limit)),
            ])
        }
        // Any case, as the configuration takes it; the codes themselves listed for completion.
        let codes = NumberingPlan.regionCodes
        let anyCase = codes.map { code in
            code.map { letter in "[\(letter)\(letter.lowercased())]" }.joined()
        }
        let anyOf: JSONTree = [
            .object([("enum", .array(codes.map(JSONTree.string)))]),
            .object([("pattern", .string("^(" + anyCase.joined(separator: "|") + ")$"))]),
        ]
        let properties: [(key: String, value: JSONTree)] = [
            ("$schema", .object([("description", .string("Where editors find this schema.")), ("type", "string")])),
            (
                "disable",
                .object([
                    ("description", .string("Rules not to run.")), ("type", "array"), ("items", ruleID),
                ])
            ),
            (
                "severity",
                .object([
                    ("description", .string("A level for a rule: error, warning or info.")), ("type", "object"),
                    ("propertyNames", ruleID), ("additionalProperties", severity),
                ])
            ),
            (
                "ignore",
                .object([
                    ("description", .string("Rules not to run on the files a glob matches (\"*\": all rules).")),
                    ("type", "object"), ("maxProperties", .int(Configuration.maximumGlobs)),
                    ("propertyNames", .object([("maxLength", .int(Configuration.maximumGlobLength))])),
                    (
                        "additionalProperties",
                        .object([
                            ("type", "array"),
                            (
                                "items",
                                .object([("enum", .array(["*"] + RuleRegistry.ids.map(JSONTree.string)))])
                            ),
                        ])
                    ),
                ])
            ),
            (
                "include",
                strings(
                    "Globs of the files a folder walk checks.", limit: Configuration.maximumGlobs,
                    length: Configuration.maximumGlobLength)
            ),
            (
                "exclude",
                strings(
                    "Globs of the files a folder walk skips.", limit: Configuration.maximumGlobs,
                    length: Configuration.maximumGlobLength)
            ),
            (
                "placeholders",
                strings(
                    "Patterns of the template placeholders of your templates, beside the built-in ones.",
                    limit: Configuration.maximumPlaceholders)
            ),
            (
                "allowedCallerIds",
                strings(
                    "The caller ids the org may send (E.164 numbers); others are reported.",
                    limit: Configuration.maximumAllowedCallerIds)
            ),
            (
                "defaultRegion",
                .object([
                    (
                        "description",
                        .string("The country national numbers belong to: an ISO 3166 code, like \"US\" or \"GB\".")
                    ),
                    ("type", "string"), ("anyOf", anyOf),
                ])
            ),
        ]
        let root: [(key: String, value: JSONTree)] = [
            ("$schema", .string(draft)), ("title", "call-lint configuration"),
            ("description", .string("The settings of \(Configuration.fileName).")), ("type", "object"),
            ("properties", .object(properties)), ("additionalProperties", .bool(false)),
        ]
        return JSONTree.object(root).indented + "\n"
    }()
}
