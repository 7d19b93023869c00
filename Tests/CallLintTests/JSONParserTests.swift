import XCTest

@testable import CallLint

final class JSONParserTests: XCTestCase {
    func parse(_ text: String) -> Result<JSONDocument, JSONSyntaxError> {
        JSONParser().parse(SourceText(name: "t", text: text))
    }

    /// The error as the invalid-json rule words it, and where it points.
    func error(
        _ text: String, file: StaticString = #filePath, line: UInt = #line
    ) -> (JSONSyntaxError.Text, SourceLocation)? {
        error(SourceText(name: "t", text: text), file: file, line: line)
    }

    func error(
        _ source: SourceText, file: StaticString = #filePath, line: UInt = #line
    ) -> (JSONSyntaxError.Text, SourceLocation)? {
        guard case .failure(let error) = JSONParser().parse(source) else {
            XCTFail("accepted: \(source.text(0..<source.bytes.count))", file: file, line: line)
            return nil
        }
        return (InvalidJSONRule.text(of: error, in: source), source.location(of: error.range.lowerBound))
    }

    func testRecordsRangesKeysAndPointers() throws {
        let text = "{\"a\": [1, {\"b~/c\": \"x\"}], \"é\": true}"
        let document = try parse(text).get()
        let root = document.root
        XCTAssertEqual(root.kind, .object)
        XCTAssertEqual(root.range, 0..<text.utf8.count)
        let members = Array(root.children)
        XCTAssertEqual(members.map(\.key), ["a", "é"])
        let array = members[0]
        XCTAssertEqual(array.rawText, "[1, {\"b~/c\": \"x\"}]")
        let inner = Array(array.children)[1].children.first { _ in true }!
        XCTAssertEqual(inner.pointer, "/a/1/b~0~1c")
        XCTAssertEqual(inner.stringValue, "x")
        XCTAssertEqual(document.source.text(inner.keyRange!), "\"b~/c\"")
        XCTAssertEqual(members[1].pointer, "/é")
        XCTAssertEqual(root.pointer, "")
    }

    /// Keys are compared and pointed at from their bytes as written; escaped keys are decoded.
    func testKeysWithEscapesPrefixesAndQuotesAreFoundAndPointedAtExactly() throws {
        let text = #"{"to": 1, "toX": 2, "t\u006f2": 3, "a\"b": {"c/d": [0, {"\u007e": 4}]}}"#
        let root = try parse(text).get().root
        XCTAssertEqual(root.member("to")?.rawText, "1")
        XCTAssertEqual(root.member("toX")?.rawText, "2")
        XCTAssertEqual(root.member("to2")?.rawText, "3")
        XCTAssertNil(root.member("t"))
        XCTAssertNil(root.member("toXY"))
        XCTAssertNil(root.member("to\"X"))
        let quoted = try XCTUnwrap(root.member("a\"b"))
        let deepest = try XCTUnwrap(quoted.descendants.last)
        XCTAssertEqual(deepest.rawText, "4")
        XCTAssertEqual(deepest.pointer, "/a\"b/c~1d/1/~0")
        XCTAssertEqual(root.member("to2")?.pointer, "/to2")
    }

    /// A pointer is written into room worked out beforehand; keys that double in length when
    /// escaped (`~`, `/`, `\/`) and deep paths must fit and read as the keys say.
    func testPointersOfKeysThatGrowWhenEscapedAgreeWithTheirKeys() throws {
        let keys = [#"~~~~"#, #"////"#, #"\/\/\/"#, #"\u007e\u002f"#, #"é~/"#, #""#, #"a\"~"#, #"\ud83d\ude00/"#]
        let text = keys.reversed().reduce(#"[[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, "x"]]"#) { inner, key in
            #"{"\#(key)": \#(inner)}"#
        }
        let root = try parse(text).get().root
        var value = root
        var expected = ""
        while value.isContainer, let last = Array(value.children).last {
            value = last
            let token = value.key ?? String(value.parent!.childCount - 1)
            expected += "/" + token.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
            XCTAssertEqual(value.pointer, expected)
        }
        XCTAssertEqual(value.rawText, #""x""#)
        XCTAssertTrue(expected.hasPrefix("/~0~0~0~0/~1~1~1~1/~1~1~1/~0~1/é~0~1//a\"~0/😀~1/0/12"), expected)
    }

    /// Invisible characters go and the ends are trimmed, whether the text is plain ASCII (read
    /// on its bytes) or not (read by scalar).
    func testCleanedTextAgreesWithRemovingInvisibleScalars() {
        func reference(_ text: String) -> String {
            var scalars = Array(text.unicodeScalars.filter { !InvisibleCharacters.isAlwaysInvisible($0) })
            while let first = scalars.first, InvisibleCharacters.isWhitespaceLike(first) { scalars.removeFirst() }
            while let last = scalars.last, InvisibleCharacters.isWhitespaceLike(last) { scalars.removeLast() }
            var result = ""
            result.unicodeScalars.append(contentsOf: scalars)
            return result
        }
        let pieces = [
            " ", "  ", "\t", "\n", "\r", "\u{1}", "\u{7F}", "+1", "317", "a b", "\u{A0}", "\u{200B}", "é", "",
        ]
        for first in pieces {
            for second in pieces {
                for third in pieces {
                    let text = first + second + "5" + third
                    XCTAssertEqual(InvisibleCharacters.cleaned(text), reference(text), text.debugDescription)
                }
            }
        }
    }

    func testColumnsCountUnicodeScalarsNotBytes() throws {
        let source = SourceText(name: "t", text: "{\"näme\": \"😀\", \"x\": 1}")
        let document = try JSONParser().parse(source).get()
        let x = document.root.member("x")!
        // {"näme": "😀", "x": 1}: 1 is the 20th scalar though the 24th byte.
        XCTAssertEqual(
            source.location(of: x.range.lowerBound), SourceLocation(line: 1, column: 20, offset: x.range.lowerBound))
    }

    func testLinesCountFromOneAndHandleCRLF() throws {
        let source = SourceText(name: "t", text: "{\r\n  \"a\": 1,\r\n  \"b\": 2\r\n}")
        let b = try JSONParser().parse(source).get().root.member("b")!
        let location = source.location(of: b.range.lowerBound)
        XCTAssertEqual(location.line, 3)
        XCTAssertEqual(location.column, 8)
        XCTAssertEqual(source.text(source.lineRange(3)), "  \"b\": 2")
    }

    func testEscapesDecode() throws {
        let document = try parse(#"["a\"b\\c\/\n\u00e9\ud83d\ude00"]"#).get()
        XCTAssertEqual(document.root.children.first { _ in true }?.stringValue, "a\"b\\c/\né😀")
    }

    func testDuplicateKeysAreKept() throws {
        let document = try parse(#"{"a": 1, "a": 2}"#).get()
        XCTAssertEqual(document.root.children.map(\.rawText), ["1", "2"])
    }

    /// The objects the duplicate-key rule searches are read off the nodes in place; they must
    /// be the objects of the value and its descendants, in order, and none from outside it.
    func testObjectsInSubtreeAreTheObjectsAmongTheValueAndItsDescendants() throws {
        let text = #"[{"a": {"b": 1, "c": {}}, "d": [{"e": 1, "f": 2}]}, {"g": 1, "h": {"i": 1, "j": 2}}, {}]"#
        let root = try parse(text).get().root
        for value in [root] + root.descendants {
            for count in 0...2 {
                let expected = ([value] + value.descendants).filter { $0.kind == .object && $0.childCount > count }
                XCTAssertEqual(
                    value.objectsInSubtree(withMoreMembersThan: count).map(\.range), expected.map(\.range),
                    "\(value.rawText), more than \(count)")
            }
        }
    }

    func testExplainsCommonMistakes() {
        let cases: [(String, String, Int, Int)] = [
            ("{\"a\": 1,}", "trailing comma", 1, 8),
            ("{\n  'a': 1}", "single quotes", 2, 3),
            ("{a: 1}", "not in double quotes", 1, 2),
            ("{\"a\": “b”}", "curly quote", 1, 7),
            ("\u{FEFF}{}", "byte-order mark", 1, 1),
            ("{\"a\": 1 // note\n}", "comments are not allowed", 1, 9),
            ("{\"a\": 1 /* note */}", "comments are not allowed", 1, 9),
            ("", "empty input", 1, 1),
            ("   \n ", "only whitespace", 2, 2),
            ("{\"phoneNumber\": +13175550123}", "unquoted phone number", 1, 17),
            ("{\"phoneNumber\": 013175550123}", "leading zero", 1, 17),
            ("{\"a\": True}", "`True` is not JSON", 1, 7),
            ("{\"a\": 1 \"b\": 2}", "missing `,`", 1, 9),
            ("{\"a\" 1}", "expected `:`", 1, 6),
            ("[1, 2}", "does not match", 1, 6),
            ("{\"a\": \"x\ny\"}", "line break inside a string", 1, 9),
            ("{\"a\": \"\\x\"}", "invalid escape", 1, 8),
            ("{\"a\": \"\\ud800\"}", "lone UTF-16 surrogate", 1, 8),
            ("{} {}", "a second JSON value", 1, 4),
            ("{\"a\": {{to}}}", "placeholder", 1, 7),
            ("{\"a\": \"x\u{00A0}\"}\u{00A0}", "non-breaking space", 1, 12),
            ("{\"a\": [1, 2", "never closed", 1, 12),
        ]
        for (text, phrase, line, column) in cases {
            guard let (error, location) = error(text) else { continue }
            XCTAssertTrue(error.message.contains(phrase), "\(text.debugDescription): \(error.message)")
            XCTAssertEqual(location.line, line, "\(text.debugDescription): line")
            XCTAssertEqual(location.column, column, "\(text.debugDescription): column")
        }
    }

    func testInvalidUTF8IsReportedNotDecoded() {
        let source = SourceText(name: "t", bytes: Array("{\"a\": \"".utf8) + [0xC3, 0x28] + Array("\"}".utf8))
        guard let (error, location) = error(source) else { return }
        XCTAssertTrue(error.message.contains("invalid UTF-8 byte 0xC3"), error.message)
        XCTAssertEqual(location.offset, 7)
    }

    func testBinaryInputIsRejectedClearly() {
        let source = SourceText(name: "t", bytes: [0x7B, 0x00, 0x01, 0x02])
        guard let (error, _) = error(source) else { return }
        XCTAssertTrue(error.message.contains("UTF-16") || error.message.contains("NUL"), error.message)
    }

    func testMillionNestedArraysEndInADiagnosticNotACrash() {
        let text = String(repeating: "[", count: 1_000_000)
        guard let (error, location) = error(text) else { return }
        XCTAssertTrue(error.message.contains("nesting deeper than 1000"), error.message)
        XCTAssertEqual(location.column, 1001)
    }

    func testDepthLimitIsExactlyTheLimit() {
        let limit = JSONParser(maxDepth: 5)
        XCTAssertNoThrow(try limit.parse(SourceText(name: "t", text: "[[[[[]]]]]")).get())
        XCTAssertThrowsError(try limit.parse(SourceText(name: "t", text: "[[[[[[]]]]]]")).get())
    }

    func testHugeNumbersAndLongStringsParse() throws {
        let digits = String(repeating: "9", count: 10_000)
        XCTAssertEqual(try parse("[\(digits)]").get().root.children.first { _ in true }?.rawText.count, 10_000)
        let long = String(repeating: "a", count: 5_000_000)
        XCTAssertEqual(
            try parse("[\"\(long)\"]").get().root.children.first { _ in true }?.stringValue?.count, 5_000_000)
    }
}

final class JSONStringTests: XCTestCase {
    /// Quoting and parsing are inverse: every string survives the round trip.
    func testQuoteRoundTrips() throws {
        let samples = [
            "plain", "with \"quotes\" and \\ backslash", "lines\nand\ttabs\r", "\u{0}\u{1}\u{1F}",
            "é 😀 \u{2028}\u{2029} end", "",
        ]
        for sample in samples {
            let quoted = JSONString.quoted(sample)
            let document = try JSONParser().parse(SourceText(name: "q", text: "[" + quoted + "]")).get()
            XCTAssertEqual(document.root.children.first { _ in true }?.stringValue, sample, quoted)
            XCTAssertFalse(quoted.contains("\u{2028}"))
        }
        XCTAssertEqual(JSONString.quoted("a\"b\n\u{1}"), #""a\"b\n\u0001""#)
    }

    /// Plain text is copied eight bytes at a time: a character to escape at any place in or
    /// across a word, and after runs of every length, is escaped as a byte-by-byte quoting does.
    func testQuotingAgreesWithByteByByteAtEveryPlaceInAWord() {
        func reference(_ text: String) -> String {
            var quoted = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": quoted += "\\\""
                case "\\": quoted += "\\\\"
                case "\n": quoted += "\\n"
                case "\r": quoted += "\\r"
                case "\t": quoted += "\\t"
                case "\u{8}": quoted += "\\b"
                case "\u{C}": quoted += "\\f"
                case "\u{2028}": quoted += "\\u2028"
                case "\u{2029}": quoted += "\\u2029"
                case _ where scalar.value < 0x20:
                    let hex = String(scalar.value, radix: 16)
                    quoted += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: quoted.unicodeScalars.append(scalar)
                }
            }
            return quoted + "\""
        }
        let specials = ["\"", "\\", "\n", "\u{1F}", "\u{0}", "é", "\u{2028}", "\u{2029}", "\u{2026}", "😀", "~"]
        for special in specials {
            for before in 0..<18 {
                for after in [0, 1, 7, 8, 9, 17] {
                    let text = String(repeating: "a", count: before) + special + String(repeating: "b", count: after)
                    XCTAssertEqual(JSONString.quoted(text), reference(text), text.debugDescription)
                }
            }
        }
    }
}
