import XCTest

@testable import CallLint

/// Verdicts as the API decides them: what `phoneNumber` takes, which findings are errors
/// (a documented 400 or a number no country can hold) and which are warnings (the site's
/// number plan decides), and what is read out of a pasted number.
final class PhoneVerdictTests: XCTestCase {
    func lint(_ value: String, field: String = "phoneNumber", region: String? = nil) -> [Diagnostic] {
        let target = field == "phoneNumber" ? "" : "\"phoneNumber\": \"+13175550123\", "
        let body = "{\(target)\"\(field)\": \(JSONString.quoted(value))}"
        return Linter(settings: LintSettings(defaultRegion: region)).check(SourceText(name: "t", text: body))
    }

    /// The one diagnostic of a value, its rule, severity and the value its fix writes.
    func verdict(
        _ value: String, field: String = "phoneNumber", region: String? = nil
    )
        -> (rule: String, severity: Severity, writes: String?)?
    {
        let diagnostics = lint(value, field: field, region: region)
        XCTAssertLessThanOrEqual(diagnostics.count, 1, "\(value): \(diagnostics.map(\.message))")
        guard let first = diagnostics.first else { return nil }
        let writes = first.fix.flatMap { fix in
            fix.edits.first.flatMap { edit in
                try? JSONSerialization.jsonObject(with: Data(edit.replacement.utf8), options: .fragmentsAllowed)
                    as? String
            }
        }
        return (first.ruleID, first.severity, writes)
    }

    func testAddressesPhoneNumberTakesDrawNothing() {
        for value in [
            "ForceDisconnect@localhost", "sip:alice@example.com", "sips:alice@example.com:5061",
            "tel:+13175550123", "tel:+13175550123;ext=123", "+13175550123",
        ] {
            XCTAssertEqual(lint(value).map(\.message), [], value)
        }
    }

    func testWhatIsWrongInsideAnAddressIsStillReported() {
        XCTAssertEqual(verdict("sip:@example.com")?.rule, "sip-uri-format")
        XCTAssertEqual(verdict("tel:+99912345678")?.rule, "e164-country-code")
        XCTAssertEqual(verdict("sip:alice@example.com", field: "callerId")?.rule, "address-type-mismatch")
    }

    func testAnExtensionIsOfferedTheTelForm() {
        for value in ["+13175550123 x123", "+1 317 555 0123 ext. 123", "+13175550123,,123", "+13175550123 anexo 123"] {
            let found = verdict(value)
            XCTAssertEqual(found?.rule, "e164-extension", value)
            XCTAssertEqual(found?.writes, "tel:+13175550123;ext=123", value)
        }
    }

    func testNationalNumbersAreWarningsWithoutARegion() {
        let found = verdict("3172222222")
        XCTAssertEqual(found?.rule, "e164-missing-plus")
        XCTAssertEqual(found?.severity, .warning)
        XCTAssertNil(found?.writes, "two countries read these digits")
        XCTAssertTrue(lint("3172222222")[0].message.contains("number plan"), lint("3172222222")[0].message)
        XCTAssertFalse(lint("3172222222")[0].message.contains("rejects"))
        // No reading anywhere: certainly wrong.
        XCTAssertEqual(verdict("0000000")?.severity, .error)
    }

    func testADefaultRegionMakesTheNationalReadingSafe() {
        let us = lint("3172222222", region: "US")
        XCTAssertEqual(us.first?.severity, .warning)
        XCTAssertEqual(us.first?.fix?.applicability, .safe)
        XCTAssertEqual(verdict("3172222222", region: "US")?.writes, "+13172222222")
        // Not a number of the region: its plans cannot dial it.
        let wrong = verdict("020 7946 0958", region: "US")
        XCTAssertEqual(wrong?.severity, .error)
        XCTAssertNil(wrong?.writes)
    }

    func testLabelsAndNotesAreNotPartOfTheNumber() {
        XCTAssertEqual(verdict("Tel. +44 20 7946 0958")?.writes, "+442079460958")
        XCTAssertEqual(verdict("Phone: +44 20 7946 0958")?.writes, "+442079460958")
        XCTAssertEqual(verdict("Call +1 317 555 0123")?.writes, "+13175550123")
        XCTAssertEqual(verdict("+44 7911 123456 (M)")?.writes, "+447911123456")
        XCTAssertEqual(verdict("+44 20 7946 0958 (office)")?.writes, "+442079460958")
        XCTAssertEqual(verdict("+1-800-FLOWERS")?.writes, "+18003569377", "vanity inside the number")
        // A label never becomes vanity digits.
        let labelled = lint("Tel. 333 091 253")
        XCTAssertFalse(labelled.contains { $0.help?.contains("+62835") ?? false }, "\(labelled.map(\.help))")
    }

    func testTelURIParameters() {
        XCTAssertEqual(verdict("tel:7946-0958;phone-context=+44-20")?.writes, "tel:+442079460958")
        XCTAssertNotNil(verdict("tel:7042;phone-context=example.com"))
        XCTAssertNil(verdict("tel:7042;phone-context=example.com")?.writes, "a domain's plan decides")
    }

    func testPlusBeforeAnInternationalPrefix() {
        XCTAssertEqual(verdict("+0033 1 42 68 53 00")?.writes, "+33142685300")
    }

    func testEmergencyAndShortNumbersAreNeverRewritten() {
        for value in ["911", "112", "999", "000", "110", "10111", "1-1-2"] {
            let found = verdict(value)
            XCTAssertEqual(found?.rule, "e164-short-number", value)
            XCTAssertEqual(found?.severity, .error, value)
            XCTAssertNil(found?.writes, value)
        }
        XCTAssertTrue(lint("10111")[0].message.contains("South Africa"), lint("10111")[0].message)
        XCTAssertEqual(verdict("911", field: "callerId")?.rule, "e164-short-number")
    }

    func testTypeNamePlaceholdersAreNamed() {
        let message = lint("string")[0].message
        XCTAssertTrue(message.contains("placeholder") || message.contains("type name"), message)
    }

    func testSessionTypeIsKnown() {
        let body = #"{"phoneNumber": "+13175550123", "sessionType": "softphone"}"#
        XCTAssertEqual(Linter().check(SourceText(name: "t", text: body)).map(\.ruleID), [])
    }

    func findings(_ body: String, in name: String = "t") -> [Diagnostic] {
        Linter().check(SourceText(name: name, text: body))
    }

    func testUnknownKeysCiteInvalidProperty() {
        let found = findings(#"{"phoneNumber": "+13175550123", "callerID": "+13175550100"}"#)
        XCTAssertEqual(found.map(\.ruleID), ["unknown-key"])
        XCTAssertTrue(found[0].message.contains("invalid.property"), found[0].message)
        XCTAssertTrue(found[0].message.contains("caller id"), found[0].message)
    }

    func testADollarKeyInAPlainJSONFileIsAKey() {
        let body = #"{"phoneNumber": "+13175550123", "$callerId": "+13175550100"}"#
        XCTAssertEqual(findings(body, in: "call.json").map(\.ruleID), ["unknown-key"])
        // A template's reference stands for whatever it renders.
        XCTAssertEqual(findings(body, in: "call.vm").map(\.ruleID), [])
    }

    func testWhatIsLostIsSaidOnlyWhenItIsLost() {
        let found = findings(#"{"phoneNumber": "+13175550123", "phone_number": "+13175550123"}"#)
        XCTAssertEqual(found.map(\.ruleID), ["unknown-key"])
        XCTAssertFalse(found[0].message.contains("no phone number is dialled"), found[0].message)
    }

    /// The `to` → `phoneNumber` help never writes a value that `phoneNumber` would reject.
    func testTheHelpNeverWritesAFailingValue() {
        let found = findings(#"{"to": "+1 317 555 01234"}"#)
        XCTAssertEqual(found.map(\.ruleID), ["unknown-key", "e164-length"])
        let help = found[0].help ?? ""
        XCTAssertFalse(help.contains(#"write "phoneNumber": "+1 317 555 01234""#), help)
        XCTAssertNil(found[0].fix)
        let right = findings(#"{"to": "+1 317 555 0123"}"#)
        XCTAssertTrue(right[0].help?.contains(#""phoneNumber": "+13175550123""#) ?? false, right[0].help ?? "")
    }
}
