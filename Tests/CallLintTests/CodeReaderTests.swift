import XCTest

@testable import CallLint

/// Bodies read from code (issue 28): which body a program sends, how its values are read, where
/// findings land, and that code is never given JSON's syntax advice.
final class CodeReaderTests: XCTestCase {
    let linter = Linter()

    func findings(_ text: String, as format: InputFormat = .auto) -> [Diagnostic] {
        linter.check(text, as: .paste(format)).filter { $0.ruleID != EmbeddedBodyRule.id }
    }

    func notes(_ text: String, as format: InputFormat = .auto) -> [String] {
        linter.check(text, as: .paste(format)).filter { $0.ruleID == EmbeddedBodyRule.id }.map(\.message)
    }

    /// Each finding as "rule text-it-covers".
    func described(_ text: String, as format: InputFormat = .auto) -> [String] {
        findings(text, as: format).map { "\($0.ruleID) " + String(decoding: Array(text.utf8)[$0.range], as: UTF8.self) }
    }

    func testACommentBeforeAnObjectInCodeIsTheLanguagesNotAMistake() {
        let text =
            "// the body we send\n/* v2 */\n{ \"phoneNumber\": \"+13175550123\", \"callerID\": \"+13175550100\" }\n"
        XCTAssertEqual(described(text, as: .javascript), ["unknown-key \"callerID\""])
        XCTAssertEqual(described(text), ["unknown-key \"callerID\""], "standard input reads it as code too")
    }

    func testACommentHoldingACommaAfterAComputedValueIsNoMember() {
        let text = """
            async function dial(api, number, queueId) {
              const body = {
                phoneNumber: number,
                callFromQueueId: queueId // optional, routes via a queue
              };
              return api.postConversationsCalls(body);
            }
            """
        XCTAssertEqual(described(text, as: .javascript), [])
    }

    func testTheBodySentIsReadNotTheOtherObjects() {
        let text = """
            const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
            const logger = { level: 'info', to: 'stdout' };
            const payload = { phoneNumber: '+13175550123', callUserId: agentId };
            await fetch(`${base}/api/v2/conversations/calls`, {
              method: 'POST', headers, body: JSON.stringify(payload) });
            """
        XCTAssertEqual(described(text, as: .javascript), ["multiple-targets callUserId"])
        XCTAssertEqual(notes(text, as: .javascript).count, 1)
    }

    func testValuesThatAreCodeAreTemplateValues() {
        let text = """
            $('#dial').click(async () => {
              const body = {
                phoneNumber: String($('input#number').val() || '').trim(),
                callerId: process.env.CALLER_ID,
                callerIdName: `Support ${team}`,
                ...defaults,
                [attributeKey]: 'x',
              };
              await conversationsApi.postConversationsCalls(body);
            });
            """
        XCTAssertEqual(described(text, as: .javascript), [])
    }

    func testAWrapperIsNotLintedAsTheBody() {
        let text = """
            module.exports = async function place(number) {
              return genesysRequest({ method: "POST", path: "/api/v2/conversations/calls",
                body: { phoneNumber: number, to: number } });
            };
            """
        XCTAssertEqual(described(text, as: .javascript), ["unknown-key to"])
    }

    func testPythonRequestsAndTheSDKsModel() {
        let requests = """
            import requests, json
            def call(token, number):
                url = f"https://api.{region}/api/v2/conversations/calls"
                auth = requests.post(login_url, data={"grant_type": "client_credentials"})
                return requests.post(url, headers={"Authorization": token},
                                     data=json.dumps({"phoneNumber": number, "from": None}))
            """
        XCTAssertEqual(described(requests, as: .python), ["unknown-key \"from\""])
        let sdk = """
            import PureCloudPlatformClientV2
            body = PureCloudPlatformClientV2.CreateCallRequest()
            body.phone_number = "+13175550123"
            body.call_user_id = "7c5a3ad4-7f0e-4f2b-9a53-0b1f43f8a1c2"
            api.post_conversations_calls(body)
            """
        let found = findings(sdk, as: .python)
        XCTAssertEqual(found.map(\.ruleID), ["multiple-targets"])
        XCTAssertTrue(found.first?.message.contains("`phone_number`") ?? false, "\(found)")
    }

    func testTypedSDKsFieldsAreNamedAsWritten() {
        let csharp = """
            using PureCloudPlatform.Client.V2.Model;
            var body = new CreateCallRequest { PhoneNumber = "+13175550123", CallerID = "+13175550100" };
            """
        XCTAssertEqual(described(csharp, as: .csharp), ["unknown-key CallerID"])
        XCTAssertTrue(findings(csharp, as: .csharp).first?.message.contains("\"CallerID\"") ?? false)
        let java = """
            import com.mypurecloud.sdk.v2.model.CreateCallRequest;
            CreateCallRequest body = new CreateCallRequest().phoneNumber("+13175550123").callUserId(userId);
            """
        XCTAssertEqual(described(java, as: .java), ["multiple-targets callUserId"])
        let go = """
            import "github.com/mypurecloud/platform-client-sdk-go/platformclientv2"
            number := "+1317555012"
            body := platformclientv2.Createcallrequest{PhoneNumber: &number}
            """
        XCTAssertEqual(described(go, as: .go), ["e164-length \"+1317555012\""])
    }

    func testABranchDoesNotMakeTwoTargets() {
        let text = """
            using PureCloudPlatform.Client.V2.Model;
            var body = new CreateCallRequest();
            if (queueId != null) { body.CallQueueId = queueId; } else { body.PhoneNumber = "+13175550123"; }
            api.PostConversationsCalls(body);
            """
        XCTAssertEqual(described(text, as: .csharp), [])
    }

    func testCodeWithoutABodyDrawsOneNote() {
        let text = "import os\nprint(os.environ['HOME'])\n"
        XCTAssertEqual(findings(text, as: .python).count, 0)
        XCTAssertEqual(notes(text, as: .python).count, 1)
        XCTAssertTrue(notes(text, as: .python)[0].contains("found no request body"))
    }

    func testBrokenJSONStaysJSON() {
        XCTAssertEqual(findings("{\"phoneNumber\": \"+13175550123\",}").map(\.ruleID), ["invalid-json"])
        XCTAssertEqual(findings("{\"phoneNumber\": \"+13175550123\"").map(\.ruleID), ["invalid-json"])
        // A .json file is JSON, whatever it holds.
        XCTAssertEqual(
            linter.check("// note\n{\"phoneNumber\": \"+13175550123\"}", as: .document).map(\.ruleID), ["invalid-json"])
    }

    func testCodeFileNamesAreReadAsTheirLanguage() {
        XCTAssertEqual(InputMode.of(name: "dial.ts", forceNDJSON: false, array: false), .paste(.typescript))
        XCTAssertEqual(InputMode.of(name: "src/Dialer.cs", forceNDJSON: false, array: false), .paste(.csharp))
        XCTAssertEqual(InputMode.of(name: "call.py", forceNDJSON: false, array: false), .paste(.python))
        XCTAssertEqual(InputMode.of(name: "call.json", forceNDJSON: false, array: false), .document)
        XCTAssertEqual(InputMode.of(name: "notes.txt", forceNDJSON: false, array: false), .paste(.auto))
    }

    func testMarkdownFencesAreReadByTheirLabel() {
        let text = """
            Install it:
            ```bash
            npm install purecloud-platform-client-v2
            ```
            ```{"language": "javascript"}
            const body = { phoneNumber: '+13175550123', callType: 'outbound' };
            await api.postConversationsCalls(body);
            ```
            ```json
            {"callerID": "+13175550100", "phoneNumber": "+13175550123"}
            ```
            """
        XCTAssertEqual(described(text, as: .markdown), ["unknown-key callType", "unknown-key \"callerID\""])
    }

    func testAFixIsWrittenInTheCodeAndNeverIntoAComputedValue() {
        let text =
            "const body = { phoneNumber: ' +13175550123', callerId: lookup(' x') };\n"
            + "api.postConversationsCalls(body);\n"
        let outcome = FixApplier.applySafeFixes(to: Array(text.utf8)) {
            Linter().check(SourceText(name: "a.js", bytes: $0), as: .paste(.javascript))
        }
        XCTAssertEqual(
            String(decoding: outcome.bytes, as: UTF8.self), text.replacingOccurrences(of: "' +1", with: "'+1"))
    }

    func testFixingAPastedProgramPrintsTheProgram() {
        let text = "const body = { phoneNumber: ' +13175550123', callerID };\napi.postConversationsCalls(body);\n"
        let outcome = PasteFixer.fix(
            SourceText(name: "<stdin>", bytes: Array(text.utf8)), format: .auto, linter: linter)
        XCTAssertFalse(outcome.printedAsJSON)
        XCTAssertEqual(
            String(decoding: outcome.bytes, as: UTF8.self), text.replacingOccurrences(of: "' +1", with: "'+1"))
    }

    func testRequestsToOtherEndpointsAreNotReadAsACall() {
        let fetch = """
            fetch(`${origin}/api/notifications`, { method: 'POST', body: JSON.stringify({ callQueueId: id, x: 1 }) });
            """
        XCTAssertEqual(findings(fetch, as: .javascript).count, 0)
        let curl = "curl -X POST https://example.com/api/bookings -d '{\"phoneNumber\": \"+44 207 101 3856\"}'"
        XCTAssertEqual(findings(curl).count, 0)
        XCTAssertEqual(findings("POST api/v2/routing/skills HTTP/1.1\n\n{\"name\": \"x\"}").count, 0)
        XCTAssertEqual(findings("POST /api/v2/conversations/calls/c1/digits HTTP/1.1\n\n{\"digits\": \"1\"}").count, 0)
        XCTAssertEqual(findings("POST api/v2/conversations/calls HTTP/1.1\n\n{\"to\": \"x\"}").count, 2)
        let mapper = """
            import { Genesys } from './genesys';
            export const toCall = (c) => ({ id: c.id, phoneNumber: c.ani, participantId: c.pid });
            """
        XCTAssertEqual(findings(mapper, as: .typescript).count, 0)
    }

    func testMarkdownProseAndAProgramsDocstringAreNotJSON() {
        XCTAssertEqual(findings("# Release notes\n\nPlatform API: new fields.\n", as: .markdown).count, 0)
        let unfenced =
            "Try:\n\ncurl https://api.mypurecloud.com/api/v2/conversations/calls -d '{\"to\": \"+13175550123\"}'\n"
        XCTAssertEqual(findings(unfenced, as: .markdown).map(\.ruleID), ["unknown-key"], "a .md file read as before")
        let program = """
            import requests
            from config import BASE


            def start(number):
                \"\"\"Like:
                curl -X POST http://localhost:8000/calls --data '{"to": "x"}'
                \"\"\"
                return requests.get(f"{BASE}/health")
            """
        XCTAssertEqual(findings(program).count, 0)
        XCTAssertTrue(notes(program).first?.contains("read Python") ?? false, "\(notes(program))")
    }

    func testHostileCodeStaysLinear() {
        let deep = String(repeating: "{a:", count: 200_000) + String(repeating: "}", count: 200_000)
        _ = linter.check("const body = " + deep + ";\napi.postConversationsCalls(body);", as: .paste(.javascript))
        let wide = "const x = [" + String(repeating: "{phoneNumber: '+13175550123'},", count: 50_000) + "];"
        _ = linter.check(wide, as: .paste(.javascript))
        let unclosed = String(repeating: "([{`${'", count: 20_000)
        for language in CodeLanguage.allCases {
            _ = linter.check(unclosed, as: .paste(InputFormat(rawValue: language.rawValue)!))
        }
    }
}

/// The same body draws the same findings whatever holds it: a `.json` file, an NDJSON line, an
/// `--array` element.
final class OneReadingPathTests: XCTestCase {
    func testABodyDrawsTheSameFindingsInEveryContainer() {
        let linter = Linter()
        let bodies = [
            "{\u{201C}phoneNumber\u{201D}: \u{201C}+13175550123\u{201D}}",
            "{\"phoneNumber\": \"+13175550123\", \"callerID\": \"+13175550100\"}",
            "{\"phoneNumber\": \"{{number}}\", \"to\": \"x\"}",
        ]
        for body in bodies {
            let alone = linter.check(body, as: .document).map(\.ruleID)
            let line = linter.check(body + "\n", as: .ndjson).map(\.ruleID)
            let element = linter.check("[" + body + "]", as: .array).map(\.ruleID)
            XCTAssertEqual(line, alone, body)
            XCTAssertEqual(element, alone, body)
        }
    }
}
