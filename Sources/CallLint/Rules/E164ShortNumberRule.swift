/// `e164-short-number`: an emergency number (`911`, `112`, `999`, `000`, `10111`) or a short
/// service number where a number to call goes. It is never rewritten into a `+` number.
struct E164ShortNumberRule: PhoneNumberRule {
    static let id = "e164-short-number"
    static let defaultSeverity = Severity.error
    static let fixAvailability = FixAvailability.none

    enum Problem {
        /// The countries where it reaches the emergency services, listed.
        case emergency(regions: String, isCallerId: Bool)
        /// The countries where it is a short service number, listed.
        case service(regions: String)
    }

    static func problem(in finding: PhoneNumberProblem.Finding) -> Problem? {
        if case .shortNumber(let problem) = finding { return problem }
        return nil
    }

    static func message(_ problem: Problem) -> String {
        switch problem {
        case .emergency(let regions, true):
            return "is an emergency number in \(regions): callees would see the emergency services' number as the "
                + "caller, and calling back reaches them"
        case .emergency(let regions, false):
            return "is an emergency number: in \(regions) a call to it reaches the emergency services, not a customer"
        case .service(let regions):
            return "is a short service number in \(regions): it is dialled only inside a country's own networks, and "
                + "never as a + number"
        }
    }

    static func help(_ problem: Problem) -> String {
        switch problem {
        case .emergency(_, true): return "write a number of your own as + country code and digits"
        case .emergency(_, false):
            return "never test with an emergency number; write the number to call as + country code and digits"
        case .service: return "write the full number to call as + country code and digits"
        }
    }
}
