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
