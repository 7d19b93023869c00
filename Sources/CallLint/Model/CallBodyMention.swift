/// Whether a text names any of a call body's own fields, in any of the spellings people write
/// them in (`phoneNumber`, `phone_number`, `PhoneNumber`): an editor opening every JSON file
/// of a project checks as call bodies only the texts that could be one. Generic names a call
/// shares with other JSON (`name`, `label`, `priority`) do not count.
public enum CallBodyMention {
    /// The fields, lowercased, without separators.
    static let distinctiveFields = [
        "phonenumber", "callerid", "calluserid", "callqueueid", "callfromqueueid", "conversationids",
        "participants", "uuidata", "externalcontactid", "routingskillsids", "routingskillexpression",
        "conversations/calls",
    ]
    static let patterns: [[UInt8]] = distinctiveFields.map { Array($0.utf8) }

    public static func mentionsCallField(_ bytes: [UInt8]) -> Bool {
        // Letters are compared lowercased, and `_` and `-` between them are skipped, in one pass
        // that keeps, for each field, how much of it the text has matched at this point.
        var progress = [Int](repeating: 0, count: patterns.count)
        for byte in bytes {
            if byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-") { continue }
            let lowered = byte >= 65 && byte <= 90 ? byte | 0x20 : byte
            for index in 0..<patterns.count {
                let pattern = patterns[index]
                var matched = progress[index]
                if pattern[matched] == lowered {
                    matched += 1
                } else {
                    matched = pattern[0] == lowered ? 1 : 0
                }
                if matched == pattern.count { return true }
                progress[index] = matched
            }
        }
        return false
    }
}
