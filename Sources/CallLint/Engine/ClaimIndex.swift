/// The exclusive findings of one body, arranged so that "does an earlier rule's claim cover
/// this scope" costs a binary search per rule rather than a look at every claim: per rule,
/// claims sorted by where their scope starts, with the furthest end reached so far. Used for
/// a hostile body with many findings (RuleContext.isExplained).
struct ClaimIndex {
    /// Per precedence: scope starts in order, and the largest scope end up to each.
    var starts: [[Int]]
    var furthestEnds: [[Int]]

    init(_ claims: [Finding]) {
        let ruleCount = RuleRegistry.ids.count
        var byRule = [[Range<Int>]](repeating: [], count: ruleCount)
        for claim in claims { byRule[claim.precedence].append(claim.scope) }
        starts = []
        furthestEnds = []
        for scopes in byRule {
            let sorted = scopes.sorted { $0.lowerBound < $1.lowerBound }
            var furthest = Int.min
            starts.append(sorted.map(\.lowerBound))
            furthestEnds.append(
                sorted.map { scope in
                    furthest = max(furthest, scope.upperBound)
                    return furthest
                })
        }
    }

    /// Whether a claim of a rule before `precedence` has a scope holding `scope`.
    func covers(_ scope: Range<Int>, before precedence: Int) -> Bool {
        for earlier in 0..<min(precedence, starts.count) where !starts[earlier].isEmpty {
            // The last claim that starts at or before the scope.
            let rule = starts[earlier]
            var low = 0
            var high = rule.count
            while low < high {
                let middle = (low + high) / 2
                if rule[middle] <= scope.lowerBound { low = middle + 1 } else { high = middle }
            }
            if low > 0, furthestEnds[earlier][low - 1] >= scope.upperBound { return true }
        }
        return false
    }
}
