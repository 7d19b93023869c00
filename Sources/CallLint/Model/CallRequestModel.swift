/// The request body of POST /api/v2/conversations/calls, CreateCallRequest, and its
/// Destination, as the swagger's facts give them (BodyModel), with what the swagger does not say:
/// which fields name whom to call, what a request loses without a field, keys Genesys' own
/// clients send. JSON names are camelCase.
enum CallRequestModel {
    static let request = BodyModel.createCallRequest
    static let destination = BodyModel.destination

    /// Keys the API takes that the swagger does not list, each with its evidence.
    static let unlistedRequestFields: [String: (role: FieldRole, description: String)] = [
        // Sent on every softphone call by Genesys' own WebRTC SDK (startSoftphoneSession posts it
        // to this endpoint).
        "sessionType": (.text, "The kind of softphone session (not in the swagger; Genesys' WebRTC SDK sends it).")
    ]

    static let requestFields: [String: FieldRole] = request.roles.merging(
        unlistedRequestFields.mapValues(\.role), uniquingKeysWith: { listed, _ in listed })

    /// What a request loses when a field's key is misspelt and the field is not set, in the
    /// words of the swagger's descriptions.
    static let whatIsLost: [String: String] = [
        "phoneNumber": "no phone number is dialled", "callerId": "the caller id is not set",
        "callerIdName": "the caller id name is not set",
        "callFromQueueId": "the call is not made on the queue's behalf",
        "callQueueId": "no queue is called", "callUserId": "no user is called", "priority": "the priority is not set",
        "attributes": "the attributes are not set", "languageId": "no language skill routes the call",
        "routingSkillsIds": "no skills route the call", "routingSkillExpression": "no skill expression routes the call",
        "conversationIds": "no conversations are merged", "participants": "no participants are called",
        "uuiData": "no UUI data is sent", "externalContactId": "no external contact is associated",
        "label": "the conversation has no label", "address": "the participant has no address",
        "name": "the participant has no name", "userId": "no user is called", "queueId": "no queue is called",
    ]

    static let destinationFields: [String: FieldRole] = destination.roles

    /// Fields that name whom to call; a request needs one, and takes only one (the API answers
    /// 400 too.many.create.conversation.parameters).
    static let targetFields = ["phoneNumber", "callUserId", "callQueueId", "participants", "conversationIds"]

    /// Fields that call a queue: the request's `callQueueId`, a participant's `queueId`.
    static let queueTargetFields = ["callQueueId", "queueId"]

    /// Fields that act only "if calling a queue", in the words of their descriptions.
    static let queueRoutingFields = request.fields.filter { field in
        field.description.contains("(if calling a queue)")
    }.map(\.name)

    /// Destination fields that say how to reach a participant; since SDK 224.0.0 `address` is
    /// optional, so one of these is enough.
    static let reachFields = ["address", "userId", "queueId"]

    /// The same names made ready for "did you mean", and listed for messages: worked out once.
    static let requestFieldCandidates = KeySuggester.Candidates(requestFields.keys)
    static let destinationFieldCandidates = KeySuggester.Candidates(destinationFields.keys)
    static let requestFieldList = requestFields.keys.sorted().joined(separator: ", ")
    static let destinationFieldList = destinationFields.keys.sorted().joined(separator: ", ")

    /// Keys that sit in a participant in forum answers, but describe a call leg, not a party.
    static let callLegKeys: Set<String> = ["to", "from", "type"]
}
