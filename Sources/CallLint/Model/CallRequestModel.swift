/// The request body of POST /api/v2/conversations/calls, as published in Genesys' SDK
/// documentation: CreateCallRequest (platform-client-sdk-python docs/CreateCallRequest.md,
/// SDK 246.0.0) and its Destination (docs/Destination.md). JSON names are camelCase.
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

    /// Fields that name whom to call; a request needs at least one.
    static let targetFields = ["phoneNumber", "callUserId", "callQueueId", "participants", "conversationIds"]

    /// The same names made ready for "did you mean", and listed for messages: worked out once.
    static let requestFieldCandidates = KeySuggester.Candidates(requestFields.keys)
    static let destinationFieldCandidates = KeySuggester.Candidates(destinationFields.keys)
    static let targetFieldCandidates = KeySuggester.Candidates(targetFields)
    static let requestFieldList = requestFields.keys.sorted().joined(separator: ", ")
    static let destinationFieldList = destinationFields.keys.sorted().joined(separator: ", ")

    /// Keys that sit in a participant in forum answers, but describe a call leg, not a party.
    static let callLegKeys: Set<String> = ["to", "from", "type"]
}
