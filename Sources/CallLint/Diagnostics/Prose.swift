/// Lists in messages: "spaces, dashes and dots", "9, 99 or 999", each item once.
enum Prose {
    static func list(_ items: [String], conjunction: String = "and") -> String {
        var unique: [String] = []
        for item in items where !unique.contains(item) { unique.append(item) }
        if unique.count <= 1 { return unique.first ?? "" }
        return unique.dropLast().joined(separator: ", ") + " \(conjunction) " + unique.last!
    }
}

extension Prose {
    /// "1 curly quote", "3 curly quotes".
    static func count(_ count: Int, _ noun: String) -> String {
        count == 1 ? "1 \(noun)" : "\(count) \(noun)s"
    }
}
