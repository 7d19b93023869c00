/// What each field of the request means, in the words of the Platform API swagger (July 2026,
/// ../shared/genesys/api-2026-07.json, through BodyModelData.swift). Shown when an editor hovers
/// over a key, and written into the request's JSON Schema.
public enum FieldDescriptions {
    public static let request: [String: String] = CallRequestModel.request.descriptions.merging(
        CallRequestModel.unlistedRequestFields.mapValues(\.description), uniquingKeysWith: { listed, _ in listed })

    public static let destination: [String: String] = CallRequestModel.destination.descriptions

    public static let requestModelName = CallRequestModel.request.name
    public static let destinationModelName = CallRequestModel.destination.name
}
