import CallLint

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The process's outside world, so that the command runs the same in a test.
public struct Console {
    /// Reads up to the given number of bytes of standard input; empty at its end.
    public var readStandardInput: (Int) -> Result<[UInt8], IOFailure>
    /// Writes bytes to standard output.
    public var writeOutput: ([UInt8]) -> Void
    public var writeError: (String) -> Void
    public var standardOutputIsTerminal: Bool
    public var standardInputIsTerminal: Bool
    public var environment: [String: String]
    public var currentDirectory: String

    public init(
        readStandardInput: @escaping (Int) -> Result<[UInt8], IOFailure>, writeOutput: @escaping ([UInt8]) -> Void,
        writeError: @escaping (String) -> Void, standardOutputIsTerminal: Bool = false,
        standardInputIsTerminal: Bool = false,
        environment: [String: String] = [:], currentDirectory: String
    ) {
        self.readStandardInput = readStandardInput
        self.writeOutput = writeOutput
        self.writeError = writeError
        self.standardOutputIsTerminal = standardOutputIsTerminal
        self.standardInputIsTerminal = standardInputIsTerminal
        self.environment = environment
        self.currentDirectory = currentDirectory
    }

    /// The real process: file descriptors 0, 1 and 2.
    public static func process() -> Console {
        var environment: [String: String] = [:]
        for name in ["NO_COLOR", "TERM", "CALL_LINT_CONFIG"] {
            if let value = FileSystem.environment(name) { environment[name] = value }
        }
        return Console(
            readStandardInput: { count in
                FileSystem.readChunk(descriptor: 0, count: count)
            },
            writeOutput: { bytes in writeAll(1, bytes) },
            writeError: { text in writeAll(2, Array(text.utf8)) },
            standardOutputIsTerminal: FileSystem.isTerminal(1), standardInputIsTerminal: FileSystem.isTerminal(0),
            environment: environment, currentDirectory: FileSystem.currentDirectory())
    }

    /// Writes text to standard output.
    func write(_ text: String) { writeOutput(Array(text.utf8)) }

    static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return  // a closed pipe (`| head`): nothing more can be said
                }
                offset += written
            }
        }
    }
}
