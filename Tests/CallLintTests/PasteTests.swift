import XCTest

@testable import CallLint

/// Pastes, templates and files of bodies (issue 12): what each kind is read as, where its
/// findings land in what was written, and that a broken JSON text is never misread as another
/// kind.
final class PasteTests: XCTestCase {
    let linter = Linter()

    func check(_ text: String, as mode: InputMode = .paste(.auto)) -> [Diagnostic] {
        linter.check(text, as: mode)
    }

    func rules(_ text: String, as mode: InputMode = .paste(.auto)) -> [String] {
        check(text, as: mode).map(\.ruleID)
    }

    /// The text a diagnostic's range covers in the input.
    func covered(_ diagnostic: Diagnostic, in text: String) -> String {
        String(decoding: Array(text.utf8)[diagnostic.range], as: UTF8.self)
    }

    // MARK: Offset maps

    func testMapsComposeThroughTwoReadings() {
        // "ab\"cd" unescaped, then a quote added before it: each byte maps back to the input.
        let input = MappedText(original: Array("xab\\\"cdy".utf8))
        var first = MappedTextBuilder(base: input)
        first.copy(1..<3)
        first.write([UInt8(ascii: "\"")], for: 3..<5)
        first.copy(5..<7)
        var second = MappedTextBuilder(base: first.text)
        second.write([UInt8(ascii: "<")], for: 0..<0)
        second.copy(0..<5)
        let text = second.text
        XCTAssertEqual(String(decoding: text.bytes, as: UTF8.self), "<ab\"cd")
        XCTAssertEqual(text.map.original(1..<3), 1..<3)
        XCTAssertEqual(text.map.original(3..<4), 3..<5, "the unescaped quote stands for its escape")
        XCTAssertEqual(text.map.original(4..<6), 5..<7)
        XCTAssertEqual(text.map.verbatim(4..<6), 5..<7)
        XCTAssertNil(text.map.verbatim(2..<5), "an edit across the escape cannot be made in the input")
        XCTAssertEqual(text.map.verbatim(6..<6), 7..<7, "an insertion after a copied byte")
    }

    // MARK: Broken JSON stays JSON

    func testBrokenJSONOnStandardInputIsReportedAsJSON() {
        for text in [
            "{\"phoneNumber\": \"+13175550123\",}", "{\"phoneNumber\": \"+13175550123\"",
            "{\"phoneNumber\": +13175550123}",
            "{\"phoneNumber\" \"+13175550123\"}",
        ] {
            XCTAssertEqual(rules(text), ["invalid-json"], text)
        }
        // A .json file is JSON as written: single quotes there are an error, not a dict.
        XCTAssertEqual(rules("{'phoneNumber': '+13175550123'}", as: .document), ["invalid-json"])
    }

    // MARK: curl

    func testCurlBodiesInEveryQuoting() {
        let cases = [
            "curl -X POST https://x/api/v2/conversations/calls -d '{\"to\": \"+13175550123\"}'",
            "curl https://x/api/v2/conversations/calls --data-binary \"{\\\"to\\\": \\\"+13175550123\\\"}\"",
            "curl https://x/api/v2/conversations/calls --data $'{\"to\": \"+1317555\\x30123\"}'",
            "curl https://x/api/v2/conversations/calls \\\n  -H 'Content-Type: application/json' \\\n"
                + "  --json '{\"to\": \"+13175550123\"}'",
            "$ curl https://x/api/v2/conversations/calls -d'{\"to\": \"+13175550123\"}'",
        ]
        for command in cases {
            let diagnostics = check(command)
            XCTAssertEqual(diagnostics.map(\.ruleID), ["embedded-body", "unknown-key"], command)
            if let unknown = diagnostics.last {
                XCTAssertTrue(
                    covered(unknown, in: command).contains("to"), "\(command): \(covered(unknown, in: command))")
            }
        }
    }

    func testCurlBodyFromAFileIsNamed() {
        let diagnostics = check("curl -X POST https://x/api/v2/conversations/calls -d @body.json")
        XCTAssertEqual(diagnostics.map(\.ruleID), ["embedded-body"])
        XCTAssertTrue(diagnostics[0].message.contains("body.json"), diagnostics[0].message)
    }

    func testFindingsLandOnTheLineAndColumnOfThePaste() {
        let command = "curl https://x/api/v2/conversations/calls \\\n  -d '{\n  \"callerID\": \"+13175550100\"}'\n"
        let source = SourceText(name: "paste", text: command)
        let stretch = InputMode.paste(.auto).driver.check(source.bytes, name: "paste", linter: linter)
        let unknown = stretch.diagnostics.first { $0.ruleID == "unknown-key" }!
        let location = stretch.source.location(of: unknown.range.lowerBound)
        XCTAssertEqual([location.line, location.column], [3, 3])
    }

    // MARK: HTTP, Markdown

    func testHTTPRequestBody() {
        let request =
            "POST /api/v2/conversations/calls HTTP/1.1\r\nHost: api.mypurecloud.com\r\n\r\n"
            + "{\"callerID\": \"+13175550100\"}"
        XCTAssertEqual(Set(rules(request)), ["embedded-body", "unknown-key", "missing-target"])
    }

    func testEveryFenceWithABodyIsChecked() {
        let post =
            "Text.\n\n```json\n{\"to\": \"+13175550123\"}\n```\n\n"
            + "More text.\n\n~~~\n{\"phoneNumber\": 3175550123}\n~~~\n"
        XCTAssertEqual(rules(post), ["embedded-body", "unknown-key", "embedded-body", "wrong-type"])
    }

    // MARK: Python and JavaScript

    func testPythonDictIsTheJSONItSends() {
        let dict = "{'phoneNumber': '+13175550123', 'callerId': None, 'priority': True, 'callerIdName': name,}"
        XCTAssertEqual(rules(dict), ["embedded-body", "queue-field-without-queue", "wrong-type"])
    }

    func testJavaScriptIdentifiersAreTemplateValues() {
        let literal = "const body = { phoneNumber: phone, callerId: `+1${area}5550100`, /* note */ callerIdName, };"
        XCTAssertEqual(rules(literal), ["embedded-body"])
        XCTAssertEqual(rules("const body = { phoneNumber: '3175550123' };").last, "e164-missing-plus")
    }

    func testAShorthandKeyIsNeverRenamedInTheCode() {
        // { callerID } names a variable too: renaming the key would change which one is sent.
        let diagnostics = check("const body = { phoneNumber: '+13175550123', callerID };")
        let unknown = diagnostics.first { $0.ruleID == "unknown-key" }
        XCTAssertNotNil(unknown)
        XCTAssertNil(unknown?.fix)
    }

    func testABareKeyInAPythonDictIsNeverRenamedInTheCode() {
        // In Python, {callerID: x} keys the dict by a variable: no fix may rename it.
        let diagnostics = check("payload = {'phoneNumber': '+13175550123', callerID: None}")
        XCTAssertEqual(diagnostics.first?.message.contains("Python"), true)
        XCTAssertTrue(diagnostics.allSatisfy { $0.fix == nil }, "\(diagnostics.compactMap(\.fix))")
    }

    func testForcedFormatThatFindsNothingSaysSo() {
        let diagnostics = check("{\"phoneNumber\": \"+13175550123\"}", as: .paste(.curl))
        XCTAssertEqual(diagnostics.map(\.ruleID), ["invalid-json"])
        XCTAssertTrue(diagnostics[0].message.contains("no curl command"), diagnostics[0].message)
    }

    // MARK: Templates

    func testPlaceholdersOutsideQuotesAreTemplateValues() {
        for value in ["${input.priority}", "$!{priority}", "{{priority}}", "$input.priority", "{{{priority}}}"] {
            XCTAssertEqual(rules("{\"callQueueId\": \"{{q}}\", \"priority\": \(value)}", as: .document), [], value)
        }
        // The type of a written value is still checked.
        XCTAssertEqual(rules("{\"callQueueId\": \"{{q}}\", \"priority\": \"5\"}", as: .document), ["wrong-type"])
    }

    func testAKeyInTwoBranchesOfOneIfIsNoDuplicate() {
        let branches =
            "{\n#if($input.a)\n  \"phoneNumber\": \"$input.a\"\n#else\n  \"phoneNumber\": \"+13175550123\"\n#end\n}\n"
        XCTAssertEqual(rules(branches, as: .document), [])
        let twice = "{\n#if($input.a)\n  \"phoneNumber\": \"$input.a\",\n  \"phoneNumber\": \"+13175550123\"\n#end\n}\n"
        XCTAssertEqual(rules(twice, as: .document), ["duplicate-key"])
        // Every branch is checked: the mistake in the second is found.
        let second = "{\n#if($input.a)\n  \"phoneNumber\": \"$input.a\"\n#else\n  \"to\": \"+13175550123\"\n#end\n}\n"
        XCTAssertEqual(rules(second, as: .document), ["unknown-key"])
    }

    // MARK: Typographic characters

    func testEveryTypographicCharacterIsReportedOnceWithOneSafeFix() throws {
        let text = "{\u{00A0}“phoneNumber”:\u{00A0}“3175550123”,\u{00A0}“callerID”: “+13175550100”}"
        let diagnostics = check(text, as: .document)
        XCTAssertEqual(diagnostics.map(\.ruleID), ["typographic-syntax", "e164-missing-plus", "unknown-key"])
        let typographic = diagnostics[0]
        XCTAssertEqual(typographic.related.count, 10)
        let fix = try XCTUnwrap(typographic.fix)
        XCTAssertEqual(fix.applicability, .safe)
        let fixed = FixApplier.apply(fix.edits, to: Array(text.utf8))
        XCTAssertEqual(
            String(decoding: fixed, as: UTF8.self),
            "{ \"phoneNumber\": \"3175550123\", \"callerID\": \"+13175550100\"}")
        // Curly quotes inside a string are text.
        XCTAssertEqual(rules("{\"phoneNumber\": \"+13175550123\", \"callerIdName\": \"“Support”\"}", as: .document), [])
    }

    func testDiffOfATypographicFileShowsTheFix() throws {
        let result = CommandHarness.run(
            ["--isolated", "--diff", "-"], stdin: "{\u{00A0}\"phoneNumber\": \"+13175550123\"}")
        XCTAssertEqual(result.status, 1)
        XCTAssertTrue(result.output.contains("+{ \"phoneNumber\""), result.output)
    }

    // MARK: Files of bodies

    func testPostmanCollectionChecksOnlyItsCallRequests() {
        let collection = """
            {"info": {"name": "c", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
             "item": [{"name": "folder", "item": [
               {"name": "create", "request": {"method": "POST", "url": "{{base}}/api/v2/conversations/calls",
                 "body": {"mode": "raw", "raw": "{\\"phoneNumber\\": \\"{{phone}}\\", \\"to\\": \\"x\\"}"}}},
               {"name": "other", "request": {"method": "POST", "url": "{{base}}/api/v2/users",
                 "body": {"mode": "raw", "raw": "{\\"to\\": 1}"}}}]}]}
            """
        let diagnostics = check(collection, as: .document)
        XCTAssertEqual(diagnostics.map(\.ruleID), ["embedded-body", "unknown-key"])
        XCTAssertEqual(covered(diagnostics[1], in: collection), "\\\"to\\\"", "the key as written, escapes and all")
    }

    func testDataActionWithThePassThroughTemplateIsANote() {
        let action = """
            {"name": "a", "config": {"request": {"requestUrlTemplate": "/api/v2/conversations/calls",
              "requestType": "POST", "requestTemplate": "${input.rawRequest}"}}}
            """
        XCTAssertEqual(rules(action, as: .document), ["embedded-body"])
    }

    func testHARCaptureEntries() {
        let har = """
            {"log": {"entries": [{"request": {"method": "POST", "url": "https://h/api/v2/conversations/calls",
              "postData": {"text": "{\\"phoneNumber\\": \\"3175550123\\"}"}}}]}}
            """
        XCTAssertEqual(rules(har, as: .document), ["embedded-body", "e164-missing-plus"])
    }
}
