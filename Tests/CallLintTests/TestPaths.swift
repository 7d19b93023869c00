import Foundation
import XCTest

/// Where the tests find the repository and the shared material CI places beside it.
enum TestPaths {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var shared: URL {
        if let override = ProcessInfo.processInfo.environment["CALL_LINT_SHARED"] {
            return URL(fileURLWithPath: override)
        }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    }

    static let fixtures = packageRoot.appendingPathComponent("Fixtures")
    static let rules = packageRoot.appendingPathComponent("rules")

    /// Fails the test with a clear message when shared material is missing, rather than
    /// passing vacuously over an empty folder.
    static func requireDirectory(_ url: URL, file: StaticString = #filePath, line: UInt = #line) throws -> [URL] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            XCTFail(
                "missing \(url.path): clone the repository with ../shared beside it, or set CALL_LINT_SHARED",
                file: file, line: line)
            throw XCTSkip("missing \(url.path)")
        }
        return try FileManager.default.contentsOfDirectory(at: url, includingPropertiesForKeys: nil)
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }
}
