/// What each field of the request means, in the words of the Platform API swagger (July 2026,
/// ../shared/genesys/api-2026-07.json: CreateCallRequest and Destination; a test compares
/// them). Shown when an editor hovers over a key, and written into the request's JSON Schema.
public enum FieldDescriptions {
    public static let request: [String: String] = [
        "phoneNumber": "The phone number to dial.",
        "callerId": "The caller id phone number for this outbound call.",
        "callerIdName": "The caller id name for this outbound call.",
        "callFromQueueId": "The queue ID to call on behalf of.",
        "callQueueId": "The queue ID to call.",
        "callUserId": "The user ID to call.",
        "priority": "The priority to assign to this call (if calling a queue).",
        "attributes": "The list of attributes to associate with the customer participant.",
        "languageId": "The language skill ID to use for routing this call (if calling a queue).",
        "routingSkillsIds": "The skill ID's to use for routing this call (if calling a queue).",
        "routingSkillExpression": "The skill expression to use for routing this call (if calling a queue).",
        "conversationIds": "The list of existing call conversations to merge into a new ad-hoc conference.",
        "participants": "The list of participants to call to create a new ad-hoc conference.",
        "uuiData": "User to User Information (UUI) data managed by SIP session application.",
        "externalContactId": "The external contact with which to associate the call.",
        "label":
            "An optional label that categorizes the conversation.  Max-utilization settings can be configured "
            + "at a per-label level",
        // Not in the swagger (see CallRequestModel): described from Genesys' WebRTC SDK, which sends it.
        "sessionType": "The kind of softphone session (not in the swagger; Genesys' WebRTC SDK sends it).",
    ]

    public static let destination: [String: String] = [
        "address": "Address or phone number.",
        "name": "The name of the internal user.",
        "userId": "The user ID.",
        "queueId": "The queue ID.",
    ]

    public static let requestModelName = "CreateCallRequest"
    public static let destinationModelName = "Destination"
}
