import XCTest

@testable import CallLint

/// "One mistake, one diagnostic": a finding inside an earlier rule's exclusive scope is not
/// kept. RuleContext.report decides it as findings come, comparing in place for a few earlier
/// findings and through an index for many; both must agree with comparing every pair.
final class ClaimIndexTests: XCTestCase {
    struct Planned {
        let precedence: Int
        let scope: Range<Int>
        let exclusive: Bool
    }

    /// Random findings in precedence order, as the linter's rules make them.
    func plan(count: Int, using generator: inout SystemRandomNumberGenerator) -> [Planned] {
        (0..<count).map { _ -> Planned in
            let start = Int.random(in: 0..<1000, using: &generator)
            return Planned(
                precedence: Int.random(in: 0..<RuleRegistry.ids.count, using: &generator),
                scope: start..<start + Int.random(in: 0..<200, using: &generator),
                exclusive: Bool.random(using: &generator))
        }.sorted { $0.precedence < $1.precedence }
    }

    /// The planned findings that no earlier rule's exclusive finding covers, by every pair.
    func keptPairwise(_ planned: [Planned]) -> [Planned] {
        planned.filter { finding in
            !planned.contains { claim in
                claim.exclusive && claim.precedence < finding.precedence
                    && claim.scope.lowerBound <= finding.scope.lowerBound
                    && finding.scope.upperBound <= claim.scope.upperBound
            }
        }
    }

    func testReportKeepsWhatComparingEveryPairKeeps() throws {
        let document = try JSONParser().parse(SourceText(name: "t", text: "{}")).get()
        var generator = SystemRandomNumberGenerator()
        // Few findings (compared in place) and many (through the index).
        for count in [3, 20, 60, 200, 600] {
            for _ in 0..<20 {
                let planned = plan(count: count, using: &generator)
                let context = RuleContext(
                    view: CallRequestView(root: document.root), settings: LintSettings(),
                    phoneNumberDiagnosis: PhoneNumberDiagnosis())
                var built = 0
                for finding in planned {
                    if finding.precedence != context.currentPrecedence {
                        context.currentPrecedence = finding.precedence
                    }
                    context.report(
                        {
                            built += 1
                            return "m"
                        }(), at: finding.scope, node: document.root, exclusive: finding.exclusive)
                }
                let expected = keptPairwise(planned)
                XCTAssertEqual(context.findings.map(\.scope), expected.map(\.scope), "\(count) findings")
                XCTAssertEqual(context.findings.map(\.precedence), expected.map(\.precedence))
                // A finding that is not kept has no message built.
                XCTAssertEqual(built, expected.count)
            }
        }
    }

    func testIndexAgreesWithComparingEveryPair() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            let planned = plan(count: 200, using: &generator)
            let claims = planned.filter(\.exclusive)
            // As the context builds it: from the claims of the rules before the one that asks.
            for precedence in Set(planned.map(\.precedence)) {
                let earlier = claims.filter { $0.precedence < precedence }
                let index = ClaimIndex(earlier.map(\.scope))
                for finding in planned where finding.precedence == precedence {
                    let pairwise = earlier.contains { claim in
                        claim.scope.lowerBound <= finding.scope.lowerBound
                            && finding.scope.upperBound <= claim.scope.upperBound
                    }
                    XCTAssertEqual(index.covers(finding.scope), pairwise)
                }
            }
        }
    }
}
