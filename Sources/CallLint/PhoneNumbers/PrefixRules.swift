/// A region's national prefixes listed as rules, each with what it becomes (Argentina's
/// `0 11 15` becomes `9 11`): hundreds for Argentina, so they are kept in a trie and the
/// rules a number starts with are found in one walk of its first digits.
struct PrefixRules: Sendable {
    let rules: [(prefix: [UInt8], replacement: [UInt8])]
    /// The trie: `next[node * 10 + digit]` is the next node, 0 for none (node 0 is the root).
    private let next: [Int32]
    /// The rule whose prefix ends at each node, -1 for none.
    private let ruleAtNode: [Int32]

    init(_ rules: [(prefix: [UInt8], replacement: [UInt8])]) {
        self.rules = rules
        var next = [Int32](repeating: 0, count: 10)
        var ruleAtNode: [Int32] = [-1]
        for (index, rule) in rules.enumerated() where !rule.prefix.isEmpty {
            var node = 0
            for digit in rule.prefix {
                if next[node * 10 + Int(digit)] == 0 {
                    next[node * 10 + Int(digit)] = Int32(ruleAtNode.count)
                    ruleAtNode.append(-1)
                    next += repeatElement(0, count: 10)
                }
                node = Int(next[node * 10 + Int(digit)])
            }
            ruleAtNode[node] = Int32(index)
        }
        self.next = next
        self.ruleAtNode = ruleAtNode
    }

    /// Bit d: some rule's prefix starts with digit d.
    var firstDigits: UInt16 {
        (0..<10).reduce(0) { mask, digit in next[digit] != 0 ? mask | 1 << UInt16(digit) : mask }
    }

    /// The rules whose (non-empty) prefix the number starts with, shortest first.
    func matching(_ number: some Collection<UInt8>) -> [(prefix: [UInt8], replacement: [UInt8])] {
        var found: [(prefix: [UInt8], replacement: [UInt8])] = []
        var node = 0
        for digit in number {
            node = Int(next[node * 10 + Int(digit)])
            if node == 0 { break }
            if ruleAtNode[node] >= 0 { found.append(rules[Int(ruleAtNode[node])]) }
        }
        return found
    }
}
