import Foundation
import XCTest

@testable import CallLint

/// Runs the whole JSONTestSuite test_parsing folder: y_ accepted, n_ rejected, i_ no crash.
final class JSONConformanceTests: XCTestCase {
    func testParsingSuite() throws {
        let folder = TestPaths.shared.appendingPathComponent("conformance/JSONTestSuite/test_parsing")
        let files = try TestPaths.requireDirectory(folder).filter { $0.pathExtension == "json" }
        var counts = (accepted: 0, rejected: 0, implementationDefined: 0)
        for file in files {
            let name = file.lastPathComponent
            let bytes = try [UInt8](Data(contentsOf: file))
            let source = SourceText(name: name, bytes: bytes)
            let result = JSONParser().parse(source)
            switch (name.first, result) {
            case ("y", .success): counts.accepted += 1
            case ("y", .failure(let error)): XCTFail("\(name) must be accepted, got: \(error.cause)")
            case ("n", .failure(let error)):
                counts.rejected += 1
                XCTAssertFalse(error.text(in: source).message.isEmpty, "\(name): rejection needs a message")
                XCTAssertLessThanOrEqual(error.range.upperBound, bytes.count, "\(name): error range past the end")
            case ("n", .success): XCTFail("\(name) must be rejected")
            default: counts.implementationDefined += 1
            }
        }
        XCTAssertEqual(counts.accepted, 95, "y_ files accepted")
        XCTAssertEqual(counts.rejected, 188, "n_ files rejected")
        XCTAssertEqual(counts.implementationDefined, 35, "i_ files parsed without crashing")
    }

    /// test_transform holds ambiguous inputs; these are the decisions call-lint documents in
    /// the README: surrogates that are not a pair are rejected (escaped or raw), duplicate keys
    /// are kept in order, numbers of any size are accepted as written, an escaped NUL is text.
    func testTransformDecisions() throws {
        let folder = TestPaths.shared.appendingPathComponent("conformance/JSONTestSuite/test_transform")
        let files = try TestPaths.requireDirectory(folder)
        XCTAssertEqual(files.count, 22)
        for file in files {
            let name = file.lastPathComponent
            let bytes = try [UInt8](Data(contentsOf: file))
            let source = SourceText(name: name, bytes: bytes)
            let result = JSONParser().parse(source)
            if name.hasPrefix("string_") && name.contains("invalid_codepoint") {
                guard case .failure(let error) = result else {
                    XCTFail("\(name): an unpaired surrogate must be rejected")
                    continue
                }
                let message = error.text(in: source).message
                XCTAssertTrue(message.contains("surrogate") || message.contains("UTF-8"), "\(name): \(message)")
                continue
            }
            guard case .success(let document) = result else {
                XCTFail("\(name) must be accepted")
                continue
            }
            if name.hasPrefix("object_same_key") {
                XCTAssertEqual(document.root.children.map { $0.key }, ["a", "a"], name)
            }
            if name == "string_with_escaped_NULL.json" {
                XCTAssertEqual(document.root.children.first { _ in true }?.stringValue, "A\u{0}B")
            }
        }
    }
}
