/// Text from the input (file names, keys, values, quoted tokens) made safe to print where a
/// person or a CI log reads it: every character that a terminal or log would act on rather
/// than show (C0 and C1 controls, DEL, the line and paragraph separators, the bidirectional
/// overrides behind "Trojan Source", the noncharacters XML refuses) is written as a visible
/// `\u{...}` escape. A crafted key can then neither erase the real error nor fake a "no
/// problems found", write the clipboard (OSC 52), nor start a workflow command in a log.
public enum VisibleText {
    public static func escaped(_ text: String) -> String {
        // Printable ASCII, nearly every message: nothing to look at scalar by scalar.
        let plain = text.utf8.withContiguousStorageIfAvailable { bytes in
            for byte in bytes where byte < 0x20 || byte >= 0x7F { return false }
            return true
        }
        if plain == true { return text }
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var output = ""
        for scalar in text.unicodeScalars {
            if let raw = FileName.rawByte(scalar) {
                output += FileName.shownRawByte(raw)
            } else if needsEscape(scalar) {
                output += "\\u{" + hex(scalar.value, width: 4) + "}"
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00..<0x20, 0x7F..<0xA0: return true
        case 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return true
        case 0xFFFE, 0xFFFF: return true
        case 0x10FF00...0x10FFFF: return true  // a byte of a file name that is not UTF-8
        default: return false
        }
    }
}
