import Foundation
import XCTest

@testable import CallLint

/// A fix never changes meaning and never makes things worse: applied alone, every fix any rule
/// offers (safe or suggestion) leaves a body that parses and has strictly fewer errors (or as
/// many and fewer warnings), none of a kind it did not have before (so no duplicate key, no
/// second call target). Checked on every fixture, every rule example and seeded mutations of them.
final class FixSafetyTests: XCTestCase {
    /// Error counts by rule.
    func errors(_ diagnostics: [Diagnostic]) -> [String: Int] {
        diagnostics.filter { $0.severity == .error }.reduce(into: [:]) { $0[$1.ruleID, default: 0] += 1 }
    }

    /// What is wrong with the result of one fix, nil when it is better in every way.
    func problem(applying fix: Fix, to bytes: [UInt8], before: [Diagnostic], linter: Linter) -> String? {
        let fixed = FixApplier.apply(fix.edits, to: bytes)
        let after = linter.check(SourceText(name: "f", bytes: fixed))
        XCTAssertTrue(
            FixApplier.isBetter(after, than: before), "--fix would refuse a fix the rules offer: \(fix.title)")
        let (old, new) = (errors(before), errors(after))
        if new[InvalidJSONRule.id] != nil { return "the fix breaks the JSON" }
        for (rule, count) in new where count > old[rule, default: 0] {
            return "the fix adds a \(rule) error"
        }
        let (oldErrors, newErrors) = (old.values.reduce(0, +), new.values.reduce(0, +))
        let warnings = { (found: [Diagnostic]) in found.count { $0.severity == .warning } }
        if newErrors > oldErrors || (newErrors == oldErrors && warnings(after) >= warnings(before)) {
            return "the fix leaves as many errors and warnings"
        }
        return nil
    }

    func check(_ bytes: [UInt8], linter: Linter) -> [String] {
        let before = linter.check(SourceText(name: "f", bytes: bytes))
        return before.compactMap { diagnostic in
            guard let fix = diagnostic.fix,
                let problem = problem(applying: fix, to: bytes, before: before, linter: linter)
            else {
                return nil
            }
            return "\(diagnostic.ruleID) fix \"\(fix.title)\": \(problem)\n\(String(decoding: bytes, as: UTF8.self))"
        }
    }

    func seeds() throws -> [[UInt8]] {
        var seeds: [[UInt8]] = []
        let enumerator = FileManager.default.enumerator(atPath: TestPaths.fixtures.path)!
        for case let path as String in enumerator where path.hasSuffix(".json") {
            seeds.append(try [UInt8](Data(contentsOf: TestPaths.fixtures.appendingPathComponent(path))))
        }
        seeds += RuleCatalog.shared.documents.flatMap { $0.examples.map { Array($0.code.utf8) } }
        return seeds
    }

    func testEveryFixOnFixturesAndExamplesMakesTheBodyStrictlyBetter() throws {
        let seeds = try seeds()
        XCTAssertGreaterThan(seeds.count, 50)
        var fixes = 0
        for linter in [Linter(), Linter(settings: LintSettings(defaultRegion: "US"))] {
            for bytes in seeds {
                fixes += linter.check(SourceText(name: "f", bytes: bytes)).filter { $0.fix != nil }.count
                for failure in check(bytes, linter: linter) { XCTFail(failure) }
            }
        }
        XCTAssertGreaterThan(fixes, 40, "the seeds offer fixes to check")
    }

    func testEveryFixOnMutatedBodiesMakesTheBodyStrictlyBetter() throws {
        let seeds = try seeds()
        var random = MutationRobustnessTests.SeededGenerator(state: 20_261_124)
        let linter = Linter()
        var (checked, fixes) = (0, 0)
        for round in 0..<4000 {
            let input = CleanBodyScreenTests.mutateValue(seeds[round % seeds.count], &random)
            guard case .success = JSONParser().parse(SourceText(name: "m", bytes: input)) else { continue }
            checked += 1
            fixes += linter.check(SourceText(name: "f", bytes: input)).filter { $0.fix != nil }.count
            let failures = check(input, linter: linter)
            for failure in failures.prefix(3) { XCTFail(failure) }
        }
        print("fix safety: \(checked) mutated bodies, \(fixes) fixes, each applied alone and re-linted")
        XCTAssertGreaterThan(checked, 2000)
        XCTAssertGreaterThan(fixes, 1000)
    }
}

/// `--fix` itself refuses a pass that would make a body worse, whatever a rule offered.
final class FixApplierGuardTests: XCTestCase {
    func diagnostic(_ rule: String, fix: Fix? = nil) -> Diagnostic {
        Diagnostic(
            ruleID: rule, severity: .error, message: "m", range: 0..<1, pointer: "", help: nil, fix: fix, related: [])
    }

    func testAPassThatAddsAnErrorIsNotWritten() {
        let fix = Fix(title: "t", edits: [TextEdit(range: 0..<1, replacement: "B")], applicability: .safe)
        // A fix that trades one error for two of another rule: refused.
        let worse = FixApplier.applySafeFixes(to: Array("A".utf8)) { bytes in
            bytes == Array("A".utf8)
                ? [self.diagnostic("unknown-key", fix: fix)]
                : [self.diagnostic("duplicate-key"), self.diagnostic("duplicate-key")]
        }
        XCTAssertEqual(worse.bytes, Array("A".utf8))
        XCTAssertEqual(worse.appliedFixes, 0)
        // The same fix when it removes the error: applied.
        let better = FixApplier.applySafeFixes(to: Array("A".utf8)) { bytes in
            bytes == Array("A".utf8) ? [self.diagnostic("unknown-key", fix: fix)] : []
        }
        XCTAssertEqual(better.bytes, Array("B".utf8))
    }
}
