#if !CALL_LINT_FUZZ
    @testable import CallLint
#endif

/// Runs one input through everything a user can ask of call-lint (parse, rules, NDJSON and
/// array modes, fixes, every output format) and checks what must hold for any input: ranges
/// inside the text, fixes that keep the text JSON and reach a fixed point, a clean-body screen
/// that passes only what the rules pass. The fuzz target and the mutation test both call it;
/// a violated property is returned, never trapped on. Test support, so not in the product: the
/// test target compiles it, and fuzz/run-libfuzzer.sh compiles it into the engine's own module
/// (CALL_LINT_FUZZ), where it needs no import.
enum RobustnessCheck {
    static func run(_ bytes: [UInt8]) -> [String] {
        var violations: [String] = []
        let source = SourceText(name: "input.json", bytes: bytes)
        let linter = Linter(settings: LintSettings(allowedCallerIds: ["+13175550100"]))
        let check = { (text: [UInt8]) in
            InputMode.document.driver.check(text, name: "input.json", linter: linter).diagnostics
        }
        let diagnostics = check(bytes)
        let ndjson = InputMode.ndjson.driver.check(bytes, name: "input.json", linter: linter).diagnostics
        let batch = InputMode.array.driver.check(bytes, name: "input.json", linter: linter).diagnostics
        for diagnostic in diagnostics + ndjson + batch {
            if diagnostic.range.lowerBound < 0 || diagnostic.range.upperBound > bytes.count
                || diagnostic.range.isEmpty && !bytes.isEmpty && diagnostic.ruleID != InvalidJSONRule.id
            {
                violations.append("\(diagnostic.ruleID): range \(diagnostic.range) outside 0..<\(bytes.count) or empty")
            }
            for edit in diagnostic.fix?.edits ?? []
            where edit.range.lowerBound < 0 || edit.range.upperBound > bytes.count {
                violations.append("\(diagnostic.ruleID): fix edit \(edit.range) outside the text")
            }
            if diagnostic.message.isEmpty { violations.append("\(diagnostic.ruleID): empty message") }
        }
        let parses: Bool
        if case .success = linter.parser.parse(source) { parses = true } else { parses = false }
        // A text that is not JSON as written is an error (invalid-json, typographic-syntax), or
        // a template read as the JSON it renders to.
        let syntaxRules = [InvalidJSONRule.id, TypographicSyntaxRule.id]
        let reportsSyntax = diagnostics.contains { syntaxRules.contains($0.ruleID) }
        let readsAsTemplate = TemplateReading.read(MappedText(original: bytes)) != nil
        // A file that holds bodies (a data action, a Postman collection) may hold a broken one.
        let holdsBodies = diagnostics.contains { $0.ruleID == EmbeddedBodyRule.id }
        if (parses && reportsSyntax && !holdsBodies) || (!parses && !reportsSyntax && !readsAsTemplate) {
            violations.append(
                "syntax reported \(parses ? "for" : "not for") a text that "
                    + "\(parses ? "parses" : "does not parse")"
            )
        }
        // The clean-body screen may only pass a body on which no rule reports anything.
        if case .success(let document) = linter.parser.parse(source), CleanBodyScreen.isClean(document.root) {
            let reported = Linter().checkWithEveryRule(document.root, readingEveryValue: true)
            if !reported.isEmpty {
                violations.append("the clean-body screen passed a body the rules report: \(reported.map(\.ruleID))")
            }
        }
        let reports = [FileReport(displayName: "input.json", source: source, diagnostics: diagnostics)]
        for format in OutputFormat.allCases {
            let output = format.makeWriter(options: OutputOptions(color: true)).format(reports)
            if format == .json || format == .sarif,
                case .failure(let error) = JSONParser().parse(SourceText(name: "out", text: output))
            {
                violations.append("--format \(format.rawValue) wrote invalid JSON: \(error.cause)")
            }
        }
        let fixed = FixApplier.applySafeFixes(to: bytes, check: check)
        if parses, case .failure(let error) = linter.parser.parse(SourceText(name: "fixed", bytes: fixed.bytes)) {
            violations.append("fixes broke the JSON: \(error.cause)")
        }
        let unreadable = diagnostics.contains { $0.ruleID == InvalidJSONRule.id }
        if unreadable, fixed.bytes != bytes { violations.append("a text that does not parse was changed by fixes") }
        if !parses, !unreadable, check(fixed.bytes).contains(where: { $0.ruleID == InvalidJSONRule.id }) {
            violations.append("fixes broke a template or a typographic text")
        }
        let again = FixApplier.applySafeFixes(to: fixed.bytes, check: check)
        if again.bytes != fixed.bytes, fixed.appliedFixes > 0, again.appliedFixes > 0,
            fixed.appliedFixes < FixApplier.maximumPasses
        {
            violations.append("fixing twice changed the text again")
        }
        return violations + runAsCode(bytes, linter: linter)
    }

    /// The same text read as source code, in one language (chosen by its length, so that the
    /// mutation test and the fuzzer reach every reader): ranges and fixes inside the text, never
    /// JSON's syntax advice, and fixes that leave the code's bodies no worse.
    static func runAsCode(_ bytes: [UInt8], linter: Linter) -> [String] {
        let formats: [InputFormat] = [.javascript, .python, .csharp, .java, .go, .markdown, .auto]
        let format = formats[bytes.count % formats.count]
        let check = { (text: [UInt8]) in
            InputMode.paste(format).driver.check(text, name: "input", linter: linter).diagnostics
        }
        var violations: [String] = []
        let diagnostics = check(bytes)
        for diagnostic in diagnostics {
            if diagnostic.range.lowerBound < 0 || diagnostic.range.upperBound > bytes.count {
                violations.append("\(format): \(diagnostic.ruleID): range \(diagnostic.range) outside the text")
            }
            for edit in diagnostic.fix?.edits ?? []
            where edit.range.lowerBound < 0 || edit.range.upperBound > bytes.count {
                violations.append("\(format): \(diagnostic.ruleID): fix edit \(edit.range) outside the text")
            }
            if format.language != nil,
                [InvalidJSONRule.id, TypographicSyntaxRule.id].contains(diagnostic.ruleID)
            {
                violations.append("\(format): JSON syntax advice about code: \(diagnostic.message)")
            }
        }
        if format.language != nil, diagnostics.contains(where: { $0.fix?.applicability == .safe }) {
            let fixed = FixApplier.applySafeFixes(to: bytes, check: check)
            let errors = { (found: [Diagnostic]) in found.filter { $0.severity == .error }.count }
            if fixed.appliedFixes > 0, errors(check(fixed.bytes)) > errors(diagnostics) {
                violations.append("\(format): fixes added errors to the code")
            }
        }
        return violations
    }
}
