/// Whether a text names any of a call body's own fields, in any of the spellings people write
/// them in (`phoneNumber`, `phone_number`, `PhoneNumber`): an editor opening every JSON file
/// of a project checks as call bodies only the texts that could be one. Generic names a call
/// shares with other JSON (`name`, `label`, `priority`) do not count.
public enum CallBodyMention {
    /// The fields, lowercased, without separators; a word that starts with one names it.
    static let distinctiveFields = [
        "phonenumber", "callerid", "calluserid", "callqueueid", "callfromqueueid", "conversationids",
        "participants", "uuidata", "externalcontactid", "routingskillsids", "routingskillexpression",
        "conversations/calls",
    ]
    static let patterns: [[UInt8]] = distinctiveFields.map { Array($0.utf8) }
    /// The fields by their first letter, so that a word is compared only with the few that could match.
    static let patternsByFirstByte: [[Int]] = {
        var table = [[Int]](repeating: [], count: 256)
        for (index, pattern) in patterns.enumerated() { table[Int(pattern[0])].append(index) }
        return table
    }()

    public static func mentionsCallField(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            var previousIsWord = false
            for index in 0..<buffer.count {
                let byte = lowered(buffer[index])
                let isWord = isWordByte(byte)
                defer { previousIsWord = isWord }
                guard isWord, !previousIsWord else { continue }
                for pattern in patternsByFirstByte[Int(byte)] where matches(patterns[pattern], buffer, at: index) {
                    return true
                }
            }
            return false
        }
    }

    /// Whether the pattern is spelt at `start`, letters in any case, `_` and `-` between them skipped.
    static func matches(_ pattern: [UInt8], _ buffer: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        var index = start
        for expected in pattern {
            while index < buffer.count, buffer[index] == UInt8(ascii: "_") || buffer[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard index < buffer.count, lowered(buffer[index]) == expected else { return false }
            index += 1
        }
        return true
    }

    static func lowered(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte | 0x20 : byte }

    static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57) || byte >= 0x80
    }
}
