/// The exclusive findings of the rules that ran before the current one, arranged so that
/// "does one of them cover this scope" costs one binary search rather than a look at every
/// claim: their scopes sorted by where they start, with the furthest end reached so far.
/// Used for a hostile body with many findings (RuleContext.isExplained).
struct ClaimIndex {
    /// Scope starts in order, and the largest scope end up to each.
    let starts: [Int]
    let furthestEnds: [Int]

    init(_ scopes: some Sequence<Range<Int>>) {
        let sorted = scopes.sorted { $0.lowerBound < $1.lowerBound }
        starts = sorted.map(\.lowerBound)
        var furthest = Int.min
        furthestEnds = sorted.map { scope in
            furthest = max(furthest, scope.upperBound)
            return furthest
        }
    }

    /// Whether one of the claims has a scope holding `scope`.
    func covers(_ scope: Range<Int>) -> Bool {
        // The last claim that starts at or before the scope.
        var low = 0
        var high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if starts[middle] <= scope.lowerBound { low = middle + 1 } else { high = middle }
        }
        return low > 0 && furthestEnds[low - 1] >= scope.upperBound
    }
}
