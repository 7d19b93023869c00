import CallLint

/// The description of the request field whose key is under the cursor, in a JSON document:
/// a key of the body is a CreateCallRequest field, a key of a `participants` item a Destination's.
enum FieldHover {
    struct Field {
        let text: String
        let range: Range<Int>
    }

    static func field(at offset: Int, in bytes: [UInt8], name: String) -> Field? {
        guard InputMode.of(name: name, forceNDJSON: false, array: false) == .document,
            case .success(let document) = JSONParser().parse(SourceText(name: name, bytes: bytes)),
            let member = member(at: offset, in: document.root), let key = member.key, let keyRange = member.keyRange,
            let parent = member.parent
        else { return nil }
        let model: (name: String, descriptions: [String: String])
        if parent.parent == nil {
            model = (FieldDescriptions.requestModelName, FieldDescriptions.request)
        } else if let list = parent.parent, list.kind == .array, list.key == "participants", list.parent?.parent == nil
        {
            model = (FieldDescriptions.destinationModelName, FieldDescriptions.destination)
        } else {
            return nil
        }
        guard let description = model.descriptions[key] else { return nil }
        return Field(text: "**\(key)** (\(model.name)): \(description)", range: keyRange)
    }

    /// The object member whose key holds the offset: only the containers that hold it are entered.
    static func member(at offset: Int, in root: JSONValue) -> JSONValue? {
        var container = root
        while container.isContainer {
            guard let child = container.children.first(where: { $0.memberRange.contains(offset) }) else { return nil }
            if let key = child.keyRange, key.contains(offset) { return child }
            container = child
        }
        return nil
    }
}
