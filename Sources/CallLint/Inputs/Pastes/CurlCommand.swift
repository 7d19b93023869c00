/// A curl command, as "Copy as cURL" and forum posts write it: its `-d`, `--data`,
/// `--data-raw`, `--data-binary`, `--data-ascii` or `--json` argument is the body, in any
/// quoting (`'…'`, `"…"`, `$'…'`) and across line continuations.
enum CurlCommand {
    static let dataOptions: Set<String> = ["-d", "--data", "--data-raw", "--data-binary", "--data-ascii", "--json"]
    /// Options whose argument is the next word, so that it is not taken for the URL.
    static let optionsWithArgument: Set<String> = [
        "-H", "--header", "-X", "--request", "-u", "--user", "-o", "--output", "-A", "--user-agent", "-b", "--cookie",
        "-e", "--referer", "-F", "--form", "-m", "--max-time", "--connect-timeout", "-x", "--proxy", "--cacert",
        "--cert", "-K", "--config", "-w", "--write-out", "--data-urlencode", "-T", "--upload-file", "--url",
        "--oauth2-bearer", "-c", "--cookie-jar", "--retry", "--resolve",
    ]

    /// The body of the first curl command in the text; nil when there is none.
    static func bodies(in text: MappedText) -> [EmbeddedBody]? {
        guard let start = commandStart(in: text.bytes) else { return nil }
        let words = ShellWords.split(text, from: start)
        var data: [(option: String, word: ShellWords.Word)] = []
        var url: String?
        var index = 1
        while index < words.count {
            let word = words[index]
            let name = String(decoding: word.text.bytes, as: UTF8.self)
            index += 1
            if dataOptions.contains(name), index < words.count {
                data.append((name, words[index]))
                index += 1
            } else if name.hasPrefix("-d"), name.count > 2, !name.hasPrefix("--") {
                // -d'{…}': the argument joined to the option.
                data.append(
                    ("-d", ShellWords.Word(text: word.text.suffix(from: 2), range: word.range, quoting: word.quoting)))
            } else if name == "--url", index < words.count {
                url = String(decoding: words[index].text.bytes, as: UTF8.self)
                index += 1
            } else if optionsWithArgument.contains(name) {
                index += 1
            } else if !name.hasPrefix("-"), url == nil {
                url = name
            }
        }
        let commandRange = start..<start + 4
        if let url, BodyContainers.isOtherEndpoint(url) {
            return [
                .note(
                    "read a curl command to \(url), another endpoint: its body is not a call's, and is not checked",
                    at: text.map.original(commandRange))
            ]
        }
        let target =
            url.map { BodyContainers.isCallsEndpoint($0) ? "" : " (its URL is not /api/v2/conversations/calls)" } ?? ""
        guard let first = data.first else {
            return [
                .emptyBody(note: "read a curl command with no -d or --data body", at: text.map.original(commandRange))
            ]
        }
        if first.word.text.bytes.first == UInt8(ascii: "@") {
            let file = String(decoding: first.word.text.bytes.dropFirst(), as: UTF8.self)
            return [
                .note(
                    "read a curl command whose body is read from the file \(file); check that file",
                    at: text.map.original(first.word.range))
            ]
        }
        // curl sends several data arguments joined by `&`.
        var builder = MappedTextBuilder(base: text)
        for (position, piece) in data.enumerated() {
            if position > 0 {
                builder.write([UInt8(ascii: "&")], for: piece.word.range.lowerBound..<piece.word.range.lowerBound)
            }
            // Each piece is already mapped to the text: append its bytes with their origins.
            builder.append(piece.word.text)
        }
        return [
            EmbeddedBody(
                text: builder.text, note: "read a curl command; checked its \(first.option) body\(target)",
                noteRange: text.map.original(commandRange), quoting: data.count == 1 ? first.word.quoting : .none)
        ]
    }

    /// Where the command's `curl` word starts: at the start of a line, after blanks and an
    /// optional prompt (`$ `, `% `, `> `); `curl.exe` too.
    static func commandStart(in bytes: [UInt8]) -> Int? {
        var lineStart = 0
        while lineStart < bytes.count {
            var index = lineStart
            while index < bytes.count, bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t") {
                index += 1
            }
            if index + 1 < bytes.count,
                [UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: ">")].contains(bytes[index]),
                bytes[index + 1] == UInt8(ascii: " ")
            {
                index += 2
            }
            let word = Array("curl".utf8)
            if bytes.count >= index + 4, bytes[index..<index + 4].elementsEqual(word) {
                var after = index + 4
                if bytes.count >= after + 4, bytes[after..<after + 4].elementsEqual(Array(".exe".utf8)) { after += 4 }
                if after == bytes.count || bytes[after] == UInt8(ascii: " ") || bytes[after] == UInt8(ascii: "\t")
                    || bytes[after] == UInt8(ascii: "\\")
                {
                    return index
                }
            }
            guard let newline = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            lineStart = newline + 1
        }
        return nil
    }
}
