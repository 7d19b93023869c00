import CallLint

/// `--list-rules` and `--statistics`.
enum RuleListing {
    static func list() -> String {
        let catalog = RuleCatalog.shared
        let width = RuleRegistry.ids.map(\.count).max() ?? 0
        var output = ""
        for id in RuleRegistry.ids {
            let document = catalog.document(id)
            let severity = RuleRegistry.defaultSeverity(of: id)?.rawValue ?? "?"
            let note = RuleRegistry.requiredSetting(of: id).map { " (runs when \($0) is configured)" } ?? ""
            output += id.padding(width) + "  " + severity.padding(7) + "  " + (document?.summary ?? "") + note + "\n"
        }
        return output
    }
}

enum Statistics {
    static func render(_ totals: ReportTotals) -> String {
        guard !totals.byRule.isEmpty else { return "No findings.\n" }
        let rows = totals.byRule.sorted {
            $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.key < $1.key
        }
        let width = rows.map(\.key.count).max() ?? 0
        let numberWidth = String(rows.first?.value.count ?? 0).count
        return rows.map { id, entry in
            let fixable = entry.fixable > 0 ? "  (\(entry.fixable) fixable)" : ""
            return String(entry.count).leftPadding(numberWidth) + "  " + id.padding(width) + "  "
                + entry.severity.rawValue + fixable
        }.joined(separator: "\n") + "\n"
    }
}

extension String {
    func padding(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
    func leftPadding(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
