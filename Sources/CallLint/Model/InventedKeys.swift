/// Keys that forum answers and chat bots put in call requests although the model has no such
/// field, each with what to write instead. `replacement` is the real field when there is one.
struct KeyAdvice: Sendable {
    let replacement: String?
    let reason: String
}

enum InventedKeys {
    static let request: [String: KeyAdvice] = [
        "to": KeyAdvice(
            replacement: "phoneNumber", reason: "the number to dial goes in `phoneNumber`, as a plain string"),
        "toAddress": KeyAdvice(replacement: "phoneNumber", reason: "the number to dial goes in `phoneNumber`"),
        "toNumber": KeyAdvice(replacement: "phoneNumber", reason: "the number to dial goes in `phoneNumber`"),
        "destination": KeyAdvice(replacement: "phoneNumber", reason: "the number to dial goes in `phoneNumber`"),
        "number": KeyAdvice(replacement: "phoneNumber", reason: "the number to dial goes in `phoneNumber`"),
        "phone": KeyAdvice(replacement: "phoneNumber", reason: "the number to dial goes in `phoneNumber`"),
        "from": KeyAdvice(
            replacement: "callerId", reason: "the number shown to the callee goes in `callerId`, as a plain string"),
        "fromAddress": KeyAdvice(replacement: "callerId", reason: "the number shown to the callee goes in `callerId`"),
        "fromNumber": KeyAdvice(replacement: "callerId", reason: "the number shown to the callee goes in `callerId`"),
        "ani": KeyAdvice(replacement: "callerId", reason: "the number shown to the callee goes in `callerId`"),
        "callerName": KeyAdvice(
            replacement: "callerIdName", reason: "the name shown to the callee goes in `callerIdName`"),
        "userId": KeyAdvice(replacement: "callUserId", reason: "to call a user, give their id in `callUserId`"),
        "queueId": KeyAdvice(replacement: "callQueueId", reason: "to call a queue, give its id in `callQueueId`"),
        "externalContact": KeyAdvice(
            replacement: "externalContactId",
            reason: "the request takes the external contact's id, `externalContactId`, not an object"),
        "type": KeyAdvice(
            replacement: nil, reason: "there is no call type: this endpoint always places an outbound call"),
        "callType": KeyAdvice(
            replacement: nil, reason: "there is no call type: this endpoint always places an outbound call"),
        "direction": KeyAdvice(
            replacement: nil, reason: "there is no direction: this endpoint always places an outbound call"),
        "providerId": KeyAdvice(
            replacement: nil,
            reason: "the request names no telephony provider; the organization's outbound routing picks the trunk"),
        "wrapUpCode": KeyAdvice(
            replacement: nil, reason: "wrap-up belongs to the end of a conversation, not to creating a call"),
        "callbackUrl": KeyAdvice(
            replacement: nil,
            reason: "this endpoint calls nobody back; follow the call with conversation notifications instead"),
        "media": KeyAdvice(
            replacement: nil,
            reason: "every conversation this endpoint creates is a voice call; there is no media setting"),
        "addressType": KeyAdvice(
            replacement: nil,
            reason:
                "the request has no address type; a phone number goes in `phoneNumber`, a SIP address in "
                + "`participants[].address`"
        ),
        "routingType": KeyAdvice(
            replacement: nil, reason: "the request has no routing type; to route through a queue, give `callQueueId`"),
        "loginId": KeyAdvice(
            replacement: nil,
            reason: "the request has no login id; the caller is the user whose token makes the request"),
    ]

    static let destination: [String: KeyAdvice] = [
        "phoneNumber": KeyAdvice(replacement: "address", reason: "a participant's number goes in `address`"),
        "number": KeyAdvice(replacement: "address", reason: "a participant's number goes in `address`"),
        "phone": KeyAdvice(replacement: "address", reason: "a participant's number goes in `address`"),
        "addressType": KeyAdvice(
            replacement: nil,
            reason:
                "Destination has no `addressType`: the API reads the kind of address from the address itself "
                + "(`+13175550123`, `tel:+13175550123` or `sip:alice@example.com`)"
        ),
        "displayName": KeyAdvice(replacement: "name", reason: "a participant's display name goes in `name`"),
        "callUserId": KeyAdvice(replacement: "userId", reason: "inside a participant the user's id goes in `userId`"),
        "callQueueId": KeyAdvice(
            replacement: "queueId", reason: "inside a participant the queue's id goes in `queueId`"),
        "externalContact": KeyAdvice(
            replacement: nil,
            reason: "Destination has no external contact; give `externalContactId` on the request itself"),
        "routingType": KeyAdvice(
            replacement: nil, reason: "Destination has no routing type; give `queueId` to reach a queue"),
        "loginId": KeyAdvice(replacement: nil, reason: "Destination has no login id; give `userId` to reach a user"),
        "media": KeyAdvice(replacement: nil, reason: "Destination has no media; every participant joins a voice call"),
        "id": KeyAdvice(replacement: "userId", reason: "a user's id goes in `userId`, a queue's in `queueId`"),
    ]
}
