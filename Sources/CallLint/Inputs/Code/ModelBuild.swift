/// A body built with a typed SDK's model classes: `new CreateCallRequest { PhoneNumber = … }`
/// (C#), `new CreateCallRequest().phoneNumber(…)` or `setPhoneNumber(…)` (Java),
/// `platformclientv2.Createcallrequest{PhoneNumber: &n}` (Go), `CreateCallRequest()` with
/// `body.phone_number = …` (Python). Each field as written, with the JSON name it is sent as.
struct ModelBuild: Equatable {
    enum Model: Equatable {
        case request, destination
        /// A map or JSON object the program fills in by key (`jo.put("phoneNumber", n)`).
        case map

        /// The model a class name names, in any SDK's spelling.
        static func named(_ name: String) -> Model? {
            switch name {
            case "CreateCallRequest", "Createcallrequest": return .request
            case "Destination": return .destination
            default: return nil
            }
        }

        var fields: [String: FieldRole] {
            switch self {
            case .request, .map: return CallRequestModel.requestFields
            case .destination: return CallRequestModel.destinationFields
            }
        }
    }

    struct Field: Equatable {
        /// The name's token, and the JSON name it stands for.
        let name: Int
        let jsonName: String
        let value: Range<Int>
        /// Set in a branch (inside an `if`): the program may or may not send it.
        var isConditional = false
    }

    let model: Model
    /// The class name's token: where the body's note and whole-body findings point.
    let typeToken: Int
    var fields: [Field]
}

/// How a language spells a JSON field name in its SDK, and back.
enum FieldSpellingStyle {
    /// C#, Go: PhoneNumber.
    case pascal
    /// Java's builders, JavaScript: phoneNumber.
    case camel
    /// Java's setters: setPhoneNumber.
    case setter
    /// Python: phone_number.
    case snake

    /// The JSON name a written name stands for.
    func jsonName(_ written: String) -> String {
        switch self {
        case .camel: return written
        case .pascal: return Self.lowercasingFirst(written)
        case .setter:
            return written.hasPrefix("set") && written.count > 3
                ? Self.lowercasingFirst(String(written.dropFirst(3))) : written
        case .snake:
            var result = ""
            var upperNext = false
            for character in written {
                if character == "_" {
                    upperNext = !result.isEmpty
                } else if upperNext {
                    result += character.uppercased()
                    upperNext = false
                } else {
                    result.append(character)
                }
            }
            return result
        }
    }

    /// How a JSON name is written in this style.
    func written(_ jsonName: String) -> String {
        switch self {
        case .camel: return jsonName
        case .pascal: return jsonName.prefix(1).uppercased() + jsonName.dropFirst()
        case .setter: return "set" + jsonName.prefix(1).uppercased() + jsonName.dropFirst()
        case .snake:
            var result = ""
            for character in jsonName {
                if character.isUppercase {
                    result += "_" + character.lowercased()
                } else {
                    result.append(character)
                }
            }
            return result
        }
    }

    private static func lowercasingFirst(_ name: String) -> String {
        name.prefix(1).lowercased() + name.dropFirst()
    }
}
