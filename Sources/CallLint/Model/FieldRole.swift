/// What a field of a body model holds, which decides the checks its value gets. Read from the
/// swagger's facts by scripts/body-models/generate.py. The order groups a body's fields
/// (CallRequestView): `phoneNumber` and `address` stay neighbours, so the values that must be a
/// number or an address are one stretch.
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
    /// One Destination object (a consult's `destination`).
    case destination
    /// An array of phone numbers (a callback's `callbackNumbers`).
    case phoneNumberList
    /// An array of free text.
    case textList
    /// A string of an enum: exactly one of the field's values.
    case enumeration
    /// An ISO-8601 date-time string.
    case dateTime
    /// `true` or `false`.
    case boolean
    /// Any JSON number.
    case number
    /// An object of another body model.
    case model
    /// An array of objects of another body model.
    case modelList
    /// An object the swagger does not describe further.
    case object
    /// A value the swagger gives no type for.
    case any
}
