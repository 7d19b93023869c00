/// What a rule sees (the document through the model, the settings) and where it reports.
final class RuleContext {
    let view: CallRequestView
    let settings: LintSettings
    let phoneNumberDiagnosis: PhoneNumberDiagnosis
    private(set) var findings: [Finding] = []
    /// The running rule's place in RuleRegistry's precedence order. Rules run in that order,
    /// so the findings before `earlierFindings` are the earlier rules' and are final.
    var currentPrecedence = 0 {
        didSet {
            earlierFindings = findings.count
            claimIndex = nil
        }
    }
    private var earlierFindings = 0
    /// The earlier rules' exclusive findings, indexed once per rule when they are many.
    private var claimIndex: ClaimIndex?

    /// The rules read every value, plain ones too: how the tests hold FieldValueTest (and the
    /// clean-body screen built on it) to the rules.
    let readsEveryValue: Bool

    init(
        view: CallRequestView, settings: LintSettings, phoneNumberDiagnosis: PhoneNumberDiagnosis,
        readsEveryValue: Bool = false
    ) {
        self.view = view
        self.settings = settings
        self.phoneNumberDiagnosis = phoneNumberDiagnosis
        self.readsEveryValue = readsEveryValue
    }

    /// Whether a rule that checks what a value holds may pass over this member's value: it is
    /// written the plain way no rule reports for its role.
    func isPlain(_ member: CallRequestView.Member) -> Bool {
        !readsEveryValue && member.isPlain
    }

    var document: JSONDocument { view.document }
    /// The request body being checked.
    var root: JSONValue { view.root }
    var source: SourceText { view.document.source }

    /// Reports a finding, unless an earlier rule's exclusive finding already explains its
    /// scope: one mistake, one diagnostic. The message, help, fix and related notes are worked
    /// out only for a finding that is kept (a fifth of a broken bulk run's findings are not).
    /// - Parameters:
    ///   - range: what the caret underlines.
    ///   - node: the value concerned; gives the JSON Pointer.
    ///   - scope: the stretch of text this finding explains; defaults to `range`.
    ///   - exclusive: when true, findings of later (more general) rules inside `scope` are the
    ///     same mistake seen again, and are dropped.
    ///   - severity: this finding's own severity, when it is lesser than the rule's.
    func report(
        _ message: @autoclosure () -> String, at range: Range<Int>, node: JSONValue, scope: Range<Int>? = nil,
        exclusive: Bool = true, severity: Severity? = nil, help: @autoclosure () -> String? = nil,
        fix: @autoclosure () -> Fix? = nil, related: @autoclosure () -> [Diagnostic.Related] = []
    ) {
        let scope = scope ?? range
        guard !isExplained(scope) else { return }
        findings.append(
            Finding(
                precedence: currentPrecedence, message: message(), range: range, scope: scope, exclusive: exclusive,
                severity: severity, node: node, help: help(), fix: fix(), related: related()))
    }

    /// Whether an exclusive finding of an earlier rule has a scope that holds `scope`: a
    /// finding there would be the same mistake seen again. A rule asks before it works out an
    /// expensive finding.
    func isExplained(_ scope: Range<Int>) -> Bool {
        guard earlierFindings > 0 else { return false }
        // A few findings are compared in place; a hostile body's thousands go through an index.
        if earlierFindings <= 64 {
            return findings[..<earlierFindings].contains { claim in
                claim.exclusive && claim.scope.lowerBound <= scope.lowerBound
                    && scope.upperBound <= claim.scope.upperBound
            }
        }
        if claimIndex == nil {
            claimIndex = ClaimIndex(findings[..<earlierFindings].lazy.filter(\.exclusive).map(\.scope))
        }
        return claimIndex!.covers(scope)
    }

    /// The values that should hold a phone number; several rules read them.
    private(set) lazy var phoneNumberValues: [PhoneNumberValue] = Self.phoneNumberValues(in: view, context: self)

    /// What rules ask of a string value, worked out once per value rather than once per rule.
    /// A class: rules ask for it a dozen times per value, and handing out one reference is
    /// one count where the two strings were two.
    final class StringFacts {
        let text: String
        let isPlaceholder: Bool
        let cleaned: String
        /// How the cleaned text presents itself: half a dozen rules and the phone-number
        /// reading ask, of the same few values.
        private(set) lazy var form = AddressForm(cleaned)

        init(text: String, isPlaceholder: Bool, cleaned: String) {
            self.text = text
            self.isPlaceholder = isPlaceholder
            self.cleaned = cleaned
        }
    }

    /// A body has a handful of model fields, so a short list searched in order beats hashing;
    /// a hostile body with thousands of them moves on to a dictionary.
    private var recentFacts: [(index: Int32, facts: StringFacts)] = []
    private var manyFacts: [Int32: StringFacts] = [:]

    func facts(of value: JSONValue) -> StringFacts? {
        guard value.kind == .string else { return nil }
        if let known = recentFacts.first(where: { $0.index == value.index }) { return known.facts }
        if let known = manyFacts[value.index] { return known }
        let text = value.stringValue ?? ""
        let facts = StringFacts(
            text: text, isPlaceholder: value.isTemplateValue || settings.placeholders.containsPlaceholder(text),
            cleaned: InvisibleCharacters.cleaned(text))
        if recentFacts.count < 32 {
            recentFacts.append((value.index, facts))
        } else {
            manyFacts[value.index] = facts
        }
        return facts
    }

    /// A string value that is, or holds, a template placeholder.
    func isPlaceholder(_ value: JSONValue) -> Bool {
        facts(of: value)?.isPlaceholder ?? false
    }

    /// The decoded text of a string value that is not a placeholder; nil for anything else.
    func content(of value: JSONValue) -> String? {
        guard let facts = facts(of: value), !facts.isPlaceholder else { return nil }
        return facts.text
    }

    /// That text without invisible characters and surrounding whitespace.
    func cleanedContent(of value: JSONValue) -> String? {
        guard let facts = facts(of: value), !facts.isPlaceholder else { return nil }
        return facts.cleaned
    }

    /// The form of that cleaned text (a phone number, `tel:`, `sip:`), and the text.
    func addressForm(of value: JSONValue) -> (form: AddressForm, cleaned: String)? {
        guard let facts = facts(of: value), !facts.isPlaceholder else { return nil }
        return (facts.form, facts.cleaned)
    }
}

struct Finding {
    /// The rule's place in RuleRegistry's precedence order.
    let precedence: Int
    let message: String
    let range: Range<Int>
    let scope: Range<Int>
    let exclusive: Bool
    /// A lesser severity than the rule's for this finding (a duplicate key set twice to the
    /// same value); a severity the user configured for the rule wins over it.
    let severity: Severity?
    /// The value concerned; its pointer is worked out only if the finding is kept.
    let node: JSONValue
    let help: String?
    let fix: Fix?
    let related: [Diagnostic.Related]
}
