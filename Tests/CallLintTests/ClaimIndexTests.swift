import XCTest

@testable import CallLint

/// "One mistake, one diagnostic" drops a finding inside an earlier rule's exclusive scope; for
/// a hostile body with many findings that test uses an index, which must agree with comparing
/// every pair.
final class ClaimIndexTests: XCTestCase {
    func testIndexAgreesWithComparingEveryPair() throws {
        let document = try JSONParser().parse(SourceText(name: "t", text: "{}")).get()
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            let findings = (0..<200).map { _ -> Finding in
                let start = Int.random(in: 0..<1000, using: &generator)
                let scope = start..<start + Int.random(in: 0..<200, using: &generator)
                return Finding(
                    precedence: Int.random(in: 0..<RuleRegistry.ids.count, using: &generator), message: "m",
                    range: scope, scope: scope, exclusive: Bool.random(using: &generator), severity: nil,
                    node: document.root, help: nil, fix: nil, related: [])
            }
            let claims = findings.filter(\.exclusive)
            let index = ClaimIndex(claims)
            for finding in findings {
                let pairwise = claims.contains { claim in
                    claim.precedence < finding.precedence && claim.scope.lowerBound <= finding.scope.lowerBound
                        && finding.scope.upperBound <= claim.scope.upperBound
                }
                XCTAssertEqual(index.covers(finding), pairwise)
            }
        }
    }
}
