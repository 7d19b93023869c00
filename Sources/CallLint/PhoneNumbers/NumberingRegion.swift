/// One region of libphonenumber's numbering plans (a country or territory, or a
/// non-geographic service such as +800), decoded from the generated data when first needed.
final class NumberingRegion: Sendable {
    /// ISO 3166 code, or "001" for a non-geographic calling code.
    let code: String
    let callingCode: Int
    /// The region's English name, for messages: "United Kingdom".
    let name: String
    /// Bit n set: a national significant number of n digits is possible here.
    let possibleLengths: UInt32
    /// Bit n set: n digits can be dialled locally there, without the area code.
    let localOnlyLengths: UInt32
    /// How a national prefix is read off a national number.
    enum NationalPrefixReading: Sendable {
        /// The prefix the automaton matches is removed.
        case removed(DigitAutomaton?)
        /// A whole number the first automaton accepts is a local number that gains an area
        /// code (`areaCode`); otherwise the prefix the second matches is removed.
        case local(DigitAutomaton, areaCode: [UInt8], otherwise: DigitAutomaton?)
        /// Prefixes and what each becomes (Argentina's `0 11 15` becomes `9 11`): every one
        /// that matches is a reading.
        case rules(PrefixRules)
    }

    let nationalPrefixReading: NationalPrefixReading
    /// What is dialled there to call abroad: 00, 011, 0011...
    let internationalPrefix: DigitAutomaton?
    /// For a calling code shared by several regions: the numbers that belong to this one.
    let leadingDigits: DigitAutomaton?
    /// Numbers shaped like the region's numbers (libphonenumber's general description).
    let generalPattern: DigitAutomaton
    /// Numbers in a range that is assigned (of any type: fixed line, mobile, toll free...).
    let validNumbers: DigitAutomaton

    /// The calling code's digits, as digit values.
    let callingCodeDigits: [UInt8]

    init(
        code: String, callingCode: Int, name: String, possibleLengths: UInt32, localOnlyLengths: UInt32,
        nationalPrefixReading: NationalPrefixReading, internationalPrefix: DigitAutomaton?,
        leadingDigits: DigitAutomaton?,
        generalPattern: DigitAutomaton, validNumbers: DigitAutomaton
    ) {
        self.code = code
        self.callingCode = callingCode
        self.name = name
        self.possibleLengths = possibleLengths
        self.localOnlyLengths = localOnlyLengths
        self.nationalPrefixReading = nationalPrefixReading
        self.internationalPrefix = internationalPrefix
        self.leadingDigits = leadingDigits
        self.generalPattern = generalPattern
        self.validNumbers = validNumbers
        callingCodeDigits = String(callingCode).utf8.map { $0 - UInt8(ascii: "0") }
    }

    func isPossibleLength(_ count: Int) -> Bool {
        count > 0 && count < 32 && possibleLengths & (1 << UInt32(count)) != 0
    }

    func isLocalOnlyLength(_ count: Int) -> Bool {
        count > 0 && count < 32 && localOnlyLengths & (1 << UInt32(count)) != 0
    }

    var longestPossibleLength: Int { 31 - possibleLengths.leadingZeroBitCount }

    /// The possible lengths, for messages: "10", "7, 9 or 10".
    var possibleLengthList: String {
        let lengths = (1..<32).filter(isPossibleLength).map(String.init)
        guard lengths.count > 1 else { return lengths.first ?? "" }
        return lengths.dropLast().joined(separator: ", ") + " or " + lengths.last!
    }

    func isValid(_ nationalNumber: some Collection<UInt8>) -> Bool {
        validNumbers.accepts(nationalNumber)
    }
}
