/// The request body of POST /api/v2/conversations/calls, as published in Genesys' SDK
/// documentation: CreateCallRequest (platform-client-sdk-dotnet 270.0.0
/// build/docs/CreateCallRequest.md, the newest; JavaScript SDK 259.0.0 agrees) and its
/// Destination (Destination.md). JSON names are camelCase.
enum CallRequestModel {
    static let requestFields: [String: FieldRole] = [
        "phoneNumber": .phoneNumber,
        "callerId": .phoneNumber,
        "callerIdName": .text,
        "callFromQueueId": .identifier,
        "callQueueId": .identifier,
        "callUserId": .identifier,
        "priority": .integer,
        "attributes": .stringMap,
        "languageId": .identifier,
        "routingSkillsIds": .identifierList,
        // New in JavaScript SDK 253.0.0 (2026-05-28) and .NET 270.0.0.
        "routingSkillExpression": .text,
        "conversationIds": .identifierList,
        "participants": .destinations,
        "uuiData": .text,
        "externalContactId": .identifier,
        "label": .text,
        // Not in the swagger, but sent on every softphone call by Genesys' own WebRTC SDK
        // (startSoftphoneSession posts it to this endpoint): a key the API takes.
        "sessionType": .text,
    ]

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

    static let destinationFields: [String: FieldRole] = [
        "address": .address,
        "name": .text,
        "userId": .identifier,
        "queueId": .identifier,
    ]

    /// Fields that name whom to call; a request needs one, and takes only one (the API answers
    /// 400 too.many.create.conversation.parameters).
    static let targetFields = ["phoneNumber", "callUserId", "callQueueId", "participants", "conversationIds"]

    /// Fields that call a queue: the request's `callQueueId`, a participant's `queueId`.
    static let queueTargetFields = ["callQueueId", "queueId"]

    /// Fields that act only "if calling a queue" (the SDK docs' words).
    static let queueRoutingFields = ["priority", "languageId", "routingSkillsIds", "routingSkillExpression"]

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
