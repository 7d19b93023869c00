import XCTest

@testable import CallLint

/// How rules work together: one mistake, one diagnostic; placeholders; messages that say
/// what to write.
final class RuleBehaviourTests: XCTestCase {
    func lint(_ text: String, settings: LintSettings = LintSettings()) -> [Diagnostic] {
        Linter(settings: settings).check(SourceText(name: "t", text: text))
    }

    func rules(_ text: String) -> [String] { lint(text).map(\.ruleID) }

    func testUnknownToIsOneDiagnosticNotFour() {
        // `to` is unknown; its nested phoneNumber, its type and the missing target are the same mistake.
        let diagnostics = lint(#"{"to": {"phoneNumber": {"phoneNumber": "12125550199 "}}}"#)
        XCTAssertEqual(diagnostics.map(\.ruleID), ["unknown-key"])
        XCTAssertEqual(diagnostics[0].pointer, "/to")
        // Its digits read as more than one number, so the help does not write them as the answer.
        XCTAssertTrue(diagnostics[0].help!.contains("move it to `phoneNumber` once it is right"), diagnostics[0].help!)
    }

    /// The view groups known fields by role; each role's fields come in document order, and
    /// the values that must be a number or an address are the phone numbers, then addresses.
    func testViewGroupsFieldsByRoleInDocumentOrder() throws {
        let text =
            #"{"participants": [{"address": "a1", "queueId": "q1"}, {"address": "a2"}], "callerId": "c", "#
            + #""phoneNumber": "p", "callQueueId": "q", "priority": 1}"#
        let view = CallRequestView(root: try JSONParser().parse(SourceText(name: "t", text: text)).get().root)
        func names(_ members: ArraySlice<CallRequestView.Member>) -> [String] { members.map(\.path) }
        XCTAssertEqual(names(view.fields(.address)), ["participants[0].address", "participants[1].address"])
        XCTAssertEqual(names(view.fields(.phoneNumber)), ["callerId", "phoneNumber"])
        XCTAssertEqual(names(view.fields(.identifier)), ["participants[0].queueId", "callQueueId"])
        XCTAssertEqual(names(view.fields(.integer)), ["priority"])
        XCTAssertEqual(names(view.fields(.stringMap)), [])
        XCTAssertEqual(
            names(view.numberAndAddressFields),
            ["callerId", "phoneNumber", "participants[0].address", "participants[1].address"])
    }

    func testNestedPhoneNumberIsNotAlsoAWrongType() {
        XCTAssertEqual(rules(#"{"phoneNumber": {"phoneNumber": "+12125550199"}}"#), ["nested-phone-number"])
        XCTAssertEqual(rules(#"{"phoneNumber": {"kind": "mobile"}}"#), ["wrong-type"])
    }

    func testMissingPlusIsNotAlsoAFormatError() {
        XCTAssertEqual(rules(#"{"phoneNumber": "1 317 555 0123"}"#), ["e164-missing-plus"])
        // Without a default region the digits also read as national numbers elsewhere: no fix,
        // and the help names the readings.
        let ambiguous = lint(#"{"phoneNumber": "1 317 555 0123"}"#)[0]
        XCTAssertNil(ambiguous.fix)
        XCTAssertTrue(ambiguous.help!.contains("+13175550123 (United States)"), ambiguous.help!)
        let american = lint(#"{"phoneNumber": "1 317 555 0123"}"#, settings: LintSettings(defaultRegion: "US"))[0]
        XCTAssertEqual(american.help, "write \"+13175550123\"")
        XCTAssertEqual(american.fix?.applicability, .suggestion)
    }

    func testWhitespaceAndFormatAreTwoMistakes() {
        XCTAssertEqual(
            rules("{\"phoneNumber\": \"+1 317 555 0123\\u200b\"}"), ["whitespace-in-address", "e164-format"])
    }

    func testMissingTargetStaysQuietWhenAnInventedTargetKeyExplainsIt() {
        XCTAssertEqual(rules(#"{"callerId": "+13175550100"}"#), ["missing-target"])
        XCTAssertEqual(rules(#"{"toAddress": "+13175550123"}"#), ["unknown-key"])
        XCTAssertEqual(rules(#"{"phone_number": "+13175550123"}"#), ["unknown-key"])
    }

    func testUnknownKeySuggestsTheRealField() {
        let cases = [
            ("callerID", "\"callerId\""), ("phone_number", "\"phoneNumber\""), ("calUserId", "\"callUserId\""),
            ("from", "`callerId`"), ("to", "`phoneNumber`"), ("externalContact", "`externalContactId`"),
        ]
        for (key, expected) in cases {
            let value =
                ["calUserId", "externalContact"].contains(key) ? "3fa85f64-5717-4562-b3fc-2c963f66afa6" : "+13175550100"
            let diagnostics = lint("{\"phoneNumber\": \"+13175550123\", \"\(key)\": \"\(value)\"}")
            XCTAssertEqual(diagnostics.map(\.ruleID), ["unknown-key"], key)
            XCTAssertTrue(
                diagnostics.first?.help?.contains(expected) ?? false, "\(key): \(diagnostics.first?.help ?? "")")
        }
        let misplaced = lint(#"{"phoneNumber": "+13175550123", "address": "+13175550199"}"#)
        XCTAssertTrue(misplaced[0].help!.contains("inside a participant"), misplaced[0].help!)
    }

    /// Two keys that would both become `callerId` are neither of them renamed, and one alone
    /// is: the same whether the keys that would become a field are counted by looking at the
    /// few others or, past eight, in a dictionary.
    func testKeysThatWouldBecomeTheSameFieldAreNotRenamedWhateverTheirNumber() {
        for padding in [0, 9] {
            let extra = (0..<padding).map { ", \"zq\($0)x\": 1" }.joined()
            let twice = lint(
                #"{"phoneNumber": "+13175550123", "callerID": "+13175550100", "caller_id": "+13175550100""# + extra
                    + "}")
            let renames = twice.filter { $0.pointer == "/callerID" || $0.pointer == "/caller_id" }
            XCTAssertEqual(renames.count, 2, "padding \(padding)")
            XCTAssertEqual(renames.compactMap(\.fix).count, 0, "padding \(padding)")
            let once = lint(#"{"phoneNumber": "+13175550123", "callerID": "+13175550100""# + extra + "}")
            XCTAssertEqual(once.first { $0.pointer == "/callerID" }?.fix?.applicability, .safe, "padding \(padding)")
        }
    }

    func testSafeFixesAreOnlyTheOnesThatCannotChangeMeaning() {
        let renamed = lint(#"{"phone_number": "+13175550123"}"#)[0].fix!
        XCTAssertEqual(renamed.applicability, .safe)
        XCTAssertEqual(renamed.edits, [TextEdit(range: 1..<15, replacement: "\"phoneNumber\"")])
        XCTAssertNil(lint(#"{"phoneNumber": "13175550123"}"#)[0].fix, "two countries read these digits")
        XCTAssertEqual(lint(#"{"phoneNumber": "+1 317 555 0123"}"#)[0].fix?.applicability, .safe, "separators only")
        XCTAssertEqual(lint(#"{"phoneNumber": "0044 20 7946 0958"}"#)[0].fix?.applicability, .safe, "00 for +")
        XCTAssertEqual(lint(#"{"phoneNumber": "+4402079460958"}"#)[0].fix?.applicability, .safe, "the trunk 0")
        XCTAssertEqual(lint(#"{"phoneNumber": "+1-800-FLOWERS"}"#)[0].fix?.applicability, .suggestion, "vanity letters")
        XCTAssertEqual(lint(#"{"phoneNumber": {"phoneNumber": "+13175550123"}}"#)[0].fix?.applicability, .safe)
    }

    func testPlaceholdersSkipValueChecksButNotKeys() {
        XCTAssertEqual(rules(#"{"phoneNumber": "{{to}}", "callerId": "{{p}}", "callFromQueueId": "${user}"}"#), [])
        XCTAssertEqual(rules(#"{"callerId": "<PHONE>", "participants": [{"address": "sip:{{u}}@example.com"}]}"#), [])
        XCTAssertEqual(rules(#"{"phoneNumber": "{{to}}", "from": "{{from}}"}"#), ["unknown-key"])
        XCTAssertEqual(rules(#"{"phoneNumber": "{{to}}", "{{key}}": 1}"#), [])
        XCTAssertEqual(rules(#"{"phoneNumber": "<not a placeholder!>"}"#), ["e164-format"])
    }

    func testConfiguredPlaceholderPatterns() throws {
        let settings = LintSettings(placeholders: try PlaceholderMatcher(extraPatterns: ["^__[A-Z_]+__$"]))
        XCTAssertEqual(lint(#"{"phoneNumber": "__TO__"}"#, settings: settings).map(\.ruleID), [])
        XCTAssertEqual(rules(#"{"phoneNumber": "__TO__"}"#), ["e164-format"])
    }

    func testE164Boundaries() {
        XCTAssertEqual(rules(#"{"phoneNumber": "+1234567"}"#), ["e164-length"])  // 6 digits after the 1
        XCTAssertEqual(rules(#"{"phoneNumber": "+1212555019"}"#), ["e164-length"])  // 9 after the 1
        XCTAssertEqual(rules(#"{"phoneNumber": "+6837040"}"#), [])  // Niue: 4 digits after 683
        XCTAssertEqual(rules(#"{"phoneNumber": "+4420794609581234"}"#), ["e164-length"])  // 16 digits
        XCTAssertEqual(rules(#"{"phoneNumber": "+0123456789"}"#), ["e164-country-code"])
        XCTAssertEqual(rules(#"{"phoneNumber": "+9995550123"}"#), ["e164-country-code"])
        XCTAssertEqual(rules(#"{"phoneNumber": "+4402079460958"}"#), ["e164-trunk-prefix"])
        XCTAssertEqual(rules(#"{"phoneNumber": "+390669821234"}"#), [], "Italy keeps its 0")
        XCTAssertEqual(rules(#"{"phoneNumber": "+19995550123"}"#), ["e164-unassigned"])
        XCTAssertEqual(lint(#"{"phoneNumber": "+19995550123"}"#)[0].severity, .warning)
        let extended = lint(#"{"phoneNumber": "+12125550199 x123"}"#)
        XCTAssertEqual(extended.map(\.ruleID), ["e164-extension"])
        XCTAssertEqual(
            extended[0].fix?.edits.first?.replacement, "\"tel:+12125550199;ext=123\"",
            "the extension is kept, in the address form the Resource Center documents")
        XCTAssertEqual(rules(#"{"phoneNumber": "+1800FLOWERS"}"#), ["e164-format"])
        XCTAssertTrue(lint(#"{"phoneNumber": "+1-800-FLOWERS"}"#)[0].help!.contains("+18003569377"))
        XCTAssertEqual(rules(#"{"phoneNumber": "+44 (0)20 7946 0000"}"#), ["e164-trunk-prefix"])
        XCTAssertTrue(lint(#"{"phoneNumber": "+44 (0)20 7946 0000"}"#)[0].help!.contains("+442079460000"))
        XCTAssertTrue(lint(#"{"phoneNumber": "0412 345 678"}"#)[0].message.contains("national format"))
    }

    func testAddressForms() {
        XCTAssertEqual(
            rules(
                #"{"participants": [{"address": "tel:+13175550123"}, "#
                    + #"{"address": "sips:bob@example.com:5061;transport=tls"}]}"#
            ), [])
        XCTAssertEqual(rules(#"{"participants": [{"address": "tel:13175550123"}]}"#), ["e164-missing-plus"])
        XCTAssertEqual(rules(#"{"participants": [{"address": "sip:+13175550123"}]}"#), ["address-type-mismatch"])
        XCTAssertEqual(rules(#"{"participants": [{"address": "sip:@example.com"}]}"#), ["sip-uri-format"])
        XCTAssertEqual(rules(#"{"participants": [{"address": "sip:a b@example.com"}]}"#), ["sip-uri-format"])
        XCTAssertEqual(rules(#"{"participants": [{"address": "TEL:+13175550123"}]}"#), ["address-type-case"])
        XCTAssertEqual(
            rules(#"{"participants": [{"addressType": "Sip", "address": "sip:a@example.com"}]}"#), ["address-type-case"]
        )
        XCTAssertEqual(
            rules(#"{"participants": [{"addressType": "sip", "address": "+13175550123"}]}"#), ["address-type-mismatch"])
        XCTAssertEqual(
            rules(#"{"participants": [{"addressType": "tel", "address": "+13175550123"}]}"#), ["unknown-key"])
        XCTAssertEqual(
            rules(#"{"callerId": "+13175550100", "phoneNumber": "tel:+13175550123"}"#), [],
            "phoneNumber takes tel: URIs")
    }

    func testParticipantsShapes() {
        XCTAssertEqual(rules(#"{"participants": []}"#), ["participants-shape"])
        XCTAssertEqual(rules(#"{"participants": "+13175550123"}"#), ["participants-shape"])
        XCTAssertEqual(rules(#"{"participants": [{"name": "x"}]}"#), ["participants-shape"])
        XCTAssertEqual(rules(#"{"participants": [{"address": null}]}"#), ["participants-shape"])
        XCTAssertEqual(
            rules(#"{"participants": [{"address": "+13175550123", "phoneNumber": "+13175550124"}]}"#), ["unknown-key"])
    }

    func testWrongTypes() {
        XCTAssertEqual(rules(#"[{"phoneNumber": "+13175550123"}]"#), ["wrong-type"])
        XCTAssertEqual(rules(#""+13175550123""#), ["wrong-type"])
        XCTAssertEqual(rules(#"{"phoneNumber": 13175550123}"#), ["wrong-type"])
        XCTAssertEqual(
            rules(#"{"callQueueId": "3fa85f64-5717-4562-b3fc-2c963f66afa6", "priority": 1.5}"#), ["wrong-type"])
        XCTAssertEqual(rules(#"{"phoneNumber": "+13175550123", "attributes": {"a": 1, "b": "2"}}"#), ["wrong-type"])
        XCTAssertEqual(rules(#"{"conversationIds": "2b8a6c1e-3d4f-4a5b-9c6d-7e8f9a0b1c2d"}"#), ["wrong-type"])
        XCTAssertEqual(rules(#"{"phoneNumber": "+13175550123", "callerId": null, "label": null}"#), [])
    }

    func testIdDiagnosesAndRecovers() {
        let braces = lint(#"{"callUserId": "{3fa85f64-5717-4562-b3fc-2c963f66afa6}"}"#)
        XCTAssertEqual(braces.map(\.ruleID), ["id-format"])
        XCTAssertEqual(braces[0].fix?.edits.first?.replacement, "\"3fa85f64-5717-4562-b3fc-2c963f66afa6\"")
        XCTAssertEqual(rules(#"{"conversationIds": ["2b8a6c1e-3d4f-4a5b-9c6d-7e8f9a0b1c2d", "nope"]}"#), ["id-format"])
    }

    func testDuplicateKeyPointsAtTheFirst() {
        let diagnostics = lint("{\"phoneNumber\": \"+13175550123\",\n \"phoneNumber\": \"+13175550124\"}")
        XCTAssertEqual(diagnostics.map(\.ruleID), ["duplicate-key"])
        XCTAssertEqual(diagnostics[0].severity, .error, "the values differ: which one is dialled is not said")
        XCTAssertEqual(diagnostics[0].related.first?.range, 1..<14)
        let same = lint("{\"phoneNumber\": \"+13175550123\",\n \"phoneNumber\" : \"+1317555\\u0030123\"}")
        XCTAssertEqual(same.map(\.severity), [.warning], "the same value twice")
        let configured = LintSettings(severityOverrides: ["duplicate-key": .info])
        let body = "{\"phoneNumber\": \"+13175550123\", \"phoneNumber\": \"+13175550124\"}"
        XCTAssertEqual(
            lint(body, settings: configured).map(\.severity), [.info], "a configured severity applies to both kinds")
    }

    func testCallerIdNotAllowedOnlyWhenConfigured() {
        let body = #"{"phoneNumber": "+12125550199", "callerId": "+1 317 555 0100"}"#
        XCTAssertEqual(rules(body), ["e164-format"])
        let allowed = LintSettings(allowedCallerIds: ["+13175550100"])
        XCTAssertEqual(
            lint(#"{"phoneNumber": "+12125550199", "callerId": "+13175550100"}"#, settings: allowed).map(\.ruleID), [])
        XCTAssertEqual(
            lint(#"{"phoneNumber": "+12125550199", "callerId": "+13175550101"}"#, settings: allowed).map(\.ruleID),
            ["caller-id-not-allowed"])
    }

    func testSeverityOverridesAndDisabledRules() {
        let settings = LintSettings(enabledRules: ["e164-format"], severityOverrides: ["e164-format": .info])
        let diagnostics = lint(#"{"phoneNumber": "+1 317 555 0123", "to": 1}"#, settings: settings)
        XCTAssertEqual(diagnostics.map(\.ruleID), ["e164-format"])
        XCTAssertEqual(diagnostics[0].severity, .info)
    }

    /// A selection of rules that find nothing in a parsed body (a syntax error's rule, the
    /// input's note, typographic characters found while reading, a rule whose setting is not
    /// set) leaves the linter nothing to run on one:
    /// `--select invalid-json` is a validator of JSON syntax and nothing more.
    func testASelectionThatChecksNoParsedBodyRunsNothing() throws {
        let broken = #"{"to": "+1 317 555 0123", "callType": "x", "participants": {"address": "1"}}"#
        let document = try JSONParser().parse(SourceText(name: "t", text: broken)).get()
        let selections: [Set<String>] = [
            ["invalid-json"], ["embedded-body"], ["typographic-syntax"], ["invalid-json", "caller-id-not-allowed"],
        ]
        for selection in selections {
            let linter = Linter(settings: LintSettings(enabledRules: selection))
            XCTAssertTrue(linter.activeChecks.isEmpty, "\(selection)")
            XCTAssertEqual(linter.check(body: document.root), [], "\(selection)")
        }
        let configured = Linter(
            settings: LintSettings(enabledRules: ["invalid-json", "caller-id-not-allowed"], allowedCallerIds: []))
        XCTAssertEqual(
            configured.activeChecks.map(\.precedence), [RuleRegistry.precedenceByID["caller-id-not-allowed"]])
        XCTAssertFalse(configured.screensCleanBodies, "the screen does not know the organization's numbers")
        XCTAssertEqual(Linter().activeChecks.count, RuleRegistry.rules.count - 4, "all but the four above")
        XCTAssertEqual(
            Linter(settings: LintSettings(enabledRules: ["invalid-json", "unknown-key"])).check(body: document.root)
                .map(\.ruleID), ["unknown-key", "unknown-key"])
    }

    func testDiagnosticsAreInPositionOrder() {
        let diagnostics = lint(#"{"to": "+1", "callType": "x", "from": "y"}"#)
        XCTAssertEqual(diagnostics.map(\.range.lowerBound), diagnostics.map(\.range.lowerBound).sorted())
    }
}
