/// `wrong-type`: a value of the wrong JSON type: a phone number as a JSON number (which
/// loses the `+`), `priority` as a string, a root that is not an object.
struct WrongTypeRule: Rule {
    static let id = "wrong-type"
    static let defaultSeverity = Severity.error
    static let fixAvailability = FixAvailability.suggestion
    static let isScreened = true

    func check(_ context: RuleContext) {
        let root = context.root
        guard root.kind == .object else {
            reportRoot(root, context)
            return
        }
        for member in context.view.members {
            guard let role = member.role, !context.isPlain(member), member.value.kind != .null,
                !context.isPlaceholder(member.value)
            else {
                continue
            }
            check(member.name, member.value, role, context)
        }
    }

    func reportRoot(_ root: JSONValue, _ context: RuleContext) {
        let holdsRequests = root.kind == .array && root.children.contains { $0.kind == .object }
        context.report(
            "the request body must be a JSON object, found \(root.kind.description)",
            at: root.range.lowerBound..<min(root.range.upperBound, root.range.lowerBound + 1), node: root,
            scope: root.range,
            help: holdsRequests
                ? "send one request object per call; to check a file that holds many request bodies, run call-lint "
                    + "--array "
                    + "(or write one body per line and use --ndjson)"
                : "write {\"phoneNumber\": \"+13175550123\"}")
    }

    func check(_ name: String, _ value: JSONValue, _ role: FieldRole, _ context: RuleContext) {
        switch role {
        case .phoneNumber, .address:
            guard value.kind != .string else { return }
            if value.kind == .number {
                // The `+` is lost, so the digits are read as a number written without it: a fix
                // only when exactly one reading is valid.
                let digits = value.rawText.filter(\.isNumber)
                let corrected =
                    value.rawText.allSatisfy(\.isNumber)
                    ? context.phoneNumberDiagnosis.problem(of: digits).flatMap {
                        $0.isMissingPlus ? $0.corrected : nil
                    } : nil
                context.report(
                    "`\(name)` is a JSON number: a number drops the `+` and any leading zero, so phone numbers are "
                        + "strings",
                    at: value.range, node: value,
                    help: corrected.map { "write \(JSONString.quoted($0))" }
                        ?? "write the number as a string in E.164, \"+\" and the country code first",
                    fix: corrected.map {
                        Fix(
                            title: "quote as an E.164 string",
                            edits: [Edits.replace(value, with: JSONString.quoted($0))], applicability: .suggestion)
                    })
            } else {
                report(name, value, expected: "a string", example: "\"+13175550123\"", context)
            }
        case .identifier:
            guard value.kind != .string else { return }
            report(name, value, expected: "a string id", example: "\"3fa85f64-5717-4562-b3fc-2c963f66afa6\"", context)
        case .text:
            guard value.kind != .string else { return }
            let quoted =
                value.kind == .number || value.kind == .true || value.kind == .false
                ? JSONString.quoted(value.rawText) : "\"...\""
            report(name, value, expected: "a string", example: quoted, context)
        case .integer:
            checkInteger(name, value, context)
        case .identifierList:
            checkList(name, value, context)
        case .stringMap:
            checkStringMap(name, value, context)
        case .destinations:
            break  // participants-shape owns the shape of participants
        case .destination, .phoneNumberList, .textList, .enumeration, .dateTime, .boolean, .number, .model,
            .modelList, .object, .any:
            break  // roles of the family's other models; neither CreateCallRequest nor Destination has them
        }
    }

    func report(_ name: String, _ value: JSONValue, expected: String, example: String, _ context: RuleContext) {
        context.report(
            "`\(name)` must be \(expected), found \(value.kind.description)", at: value.range, node: value,
            help: "write \(JSONString.quoted(name)): \(example)")
    }

    func checkInteger(_ name: String, _ value: JSONValue, _ context: RuleContext) {
        if value.kind == .number {
            let text = value.rawText
            guard text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) else { return }
            context.report(
                "`\(name)` must be a whole number, found \(text)", at: value.range, node: value,
                help: "write a JSON integer such as 5")
            return
        }
        if value.kind == .string, let text = value.stringValue, let number = Int(text.filter { $0 != " " }) {
            context.report(
                "`\(name)` is a string; it must be a JSON integer", at: value.range, node: value,
                help: "write \(JSONString.quoted(name)): \(number), without quotes",
                fix: Fix(
                    title: "unquote the number", edits: [Edits.replace(value, with: String(number))],
                    applicability: .suggestion))
            return
        }
        report(name, value, expected: "an integer", example: "5", context)
    }

    func checkList(_ name: String, _ value: JSONValue, _ context: RuleContext) {
        if value.kind == .string {
            context.report(
                "`\(name)` must be an array of ids, found a single string", at: value.range, node: value,
                help: "write \(JSONString.quoted(name)): [\(value.rawText)]",
                fix: Fix(
                    title: "wrap in an array", edits: [Edits.replace(value, with: "[" + value.rawText + "]")],
                    applicability: .suggestion))
            return
        }
        guard value.kind == .array else {
            report(
                name, value, expected: "an array of string ids", example: "[\"3fa85f64-5717-4562-b3fc-2c963f66afa6\"]",
                context)
            return
        }
        for (index, item) in value.children.enumerated() where item.kind != .string && !context.isPlaceholder(item) {
            context.report(
                "`\(name)[\(index)]` must be a string id, found \(item.kind.description)", at: item.range, node: item,
                help: "write each id as a string, like \"3fa85f64-5717-4562-b3fc-2c963f66afa6\"")
        }
    }

    func checkStringMap(_ name: String, _ value: JSONValue, _ context: RuleContext) {
        guard value.kind == .object else {
            report(name, value, expected: "an object of string values", example: "{\"accountId\": \"12345\"}", context)
            return
        }
        for item in value.children where item.kind != .string && !context.isPlaceholder(item) {
            let key = item.key ?? ""
            let scalar = item.kind == .number || item.kind == .true || item.kind == .false || item.kind == .null
            context.report(
                "attribute \(JSONString.quoted(key)) must be a string, found \(item.kind.description)", at: item.range,
                node: item,
                help: scalar
                    ? "write \(JSONString.quoted(key)): \(JSONString.quoted(item.rawText))"
                    : "attributes are flat string pairs; serialise nested data into a string",
                fix: scalar
                    ? Fix(
                        title: "quote the value", edits: [Edits.replace(item, with: JSONString.quoted(item.rawText))],
                        applicability: .suggestion) : nil)
        }
    }
}
