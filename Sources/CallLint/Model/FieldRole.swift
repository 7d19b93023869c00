/// What a field of the request model holds, which decides the checks its value gets.
/// The order groups a body's fields (CallRequestView): `phoneNumber` and `address` stay
/// neighbours, so the values that must be a number or an address are one stretch.
enum FieldRole: Int, CaseIterable, Sendable {
    /// An E.164 phone number (`phoneNumber`, `callerId`).
    case phoneNumber
    /// A Destination address: E.164 number, `tel:` URI or `sip:` URI.
    case address
    /// A Genesys id (a UUID).
    case identifier
    /// An array of ids.
    case identifierList
    /// Free text.
    case text
    /// A JSON integer.
    case integer
    /// An object of string values (`attributes`).
    case stringMap
    /// The `participants` array of Destination objects.
    case destinations
}
