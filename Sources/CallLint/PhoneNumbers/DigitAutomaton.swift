/// A deterministic automaton over the digits 0 to 9, as the numbering-plan generator compiled it
/// from one of libphonenumber's patterns. Checking a number is one table look-up per digit, with
/// no regular-expression engine, no allocation and no reference counting: the tables are
/// decoded once into memory that lives as long as the process, as the decoded regions do.
struct DigitAutomaton: @unchecked Sendable {
    /// `next[state * 10 + digit]` is the next state plus one; 0 means no way on.
    let next: UnsafePointer<UInt16>
    let accepting: UnsafePointer<Bool>
    /// Bit d: some string in the language (or, for a prefix, some match) starts with digit d.
    let firstDigits: UInt16

    /// Decodes the generator's text form: states ending in `;`, each `!` (accepting) or `.`,
    /// then the targets of the digits 0-9 as runs `target*count`, `-` for none.
    init(encoded: UnsafeBufferPointer<UInt8>) {
        var next: [UInt16] = []
        var accepting: [Bool] = []
        next.reserveCapacity(encoded.count / 2)
        var index = 0
        func number() -> Int {
            var value = 0
            while index < encoded.count, encoded[index] >= UInt8(ascii: "0"), encoded[index] <= UInt8(ascii: "9") {
                value = value * 10 + Int(encoded[index] - UInt8(ascii: "0"))
                index += 1
            }
            return value
        }
        while index < encoded.count {
            accepting.append(encoded[index] == UInt8(ascii: "!"))
            index += 1
            while index < encoded.count, encoded[index] != UInt8(ascii: ";") {
                var target: UInt16 = 0
                if encoded[index] == UInt8(ascii: "-") {
                    index += 1
                } else {
                    target = UInt16(number() + 1)
                }
                var count = 1
                if index < encoded.count, encoded[index] == UInt8(ascii: "*") {
                    index += 1
                    count = number()
                }
                next.append(contentsOf: repeatElement(target, count: count))
                if index < encoded.count, encoded[index] == UInt8(ascii: ",") { index += 1 }
            }
            index += 1
        }
        firstDigits =
            next.isEmpty ? 0 : (0..<10).reduce(0) { mask, digit in next[digit] != 0 ? mask | 1 << digit : mask }
        self.next = UnsafePointer(Self.immortalCopy(of: next))
        self.accepting = UnsafePointer(Self.immortalCopy(of: accepting))
    }

    /// A copy that is never freed (a decoded region is kept for the rest of the run).
    static func immortalCopy<Element>(of elements: [Element]) -> UnsafeMutablePointer<Element> {
        let copy = UnsafeMutablePointer<Element>.allocate(capacity: max(elements.count, 1))
        _ = UnsafeMutableBufferPointer(start: copy, count: elements.count).initialize(from: elements)
        return copy
    }

    /// Whether the whole of `digits` (values 0 to 9) is in the language.
    func accepts(_ digits: some Collection<UInt8>) -> Bool {
        var state = 0
        for digit in digits {
            let target = next[state * 10 + Int(digit)]
            if target == 0 { return false }
            state = Int(target) - 1
        }
        return accepting[state]
    }

    /// The length of the longest prefix of `digits` in the language, if any is.
    func longestPrefix(of digits: some Collection<UInt8>) -> Int? {
        var state = 0
        var longest: Int? = accepting[0] ? 0 : nil
        var length = 0
        for digit in digits {
            let target = next[state * 10 + Int(digit)]
            if target == 0 { break }
            state = Int(target) - 1
            length += 1
            if accepting[state] { longest = length }
        }
        return longest
    }

    /// The lengths of the strings in the language, up to `limit` (at most 63), as a bit mask:
    /// bit n is set when some string of n digits is accepted.
    func acceptedLengths(upTo limit: Int) -> UInt64 {
        var frontier: Set<Int> = [0]
        var lengths: UInt64 = accepting[0] ? 1 : 0
        for length in 1...min(max(limit, 1), 63) where !frontier.isEmpty {
            var reached: Set<Int> = []
            for state in frontier {
                for digit in 0..<10 where next[state * 10 + digit] != 0 {
                    reached.insert(Int(next[state * 10 + digit]) - 1)
                }
            }
            if reached.contains(where: { accepting[$0] }) { lengths |= 1 << UInt64(length) }
            frontier = reached
        }
        return lengths
    }
}
