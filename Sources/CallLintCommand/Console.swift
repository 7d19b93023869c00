import CallLint
import Synchronization

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
    /// Set once standard output is closed (`call-lint ... | head`): nothing more can be said,
    /// so the run stops early.
    public var outputState = OutputState()

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

    /// The process's arguments as the system gave them: a file name that is not UTF-8 keeps
    /// its bytes (see FileName).
    public static func processArguments() -> [String] {
        (1..<Int(CommandLine.argc)).map { index in
            let argument = CommandLine.unsafeArgv[index]!
            return FileName.decode(
                UnsafeBufferPointer(start: argument, count: strlen(argument)).map { UInt8(bitPattern: $0) })
        }
    }

    /// The real process: file descriptors 0, 1 and 2.
    public static func process() -> Console {
        var environment: [String: String] = [:]
        for name in ["NO_COLOR", "TERM", "CALL_LINT_CONFIG"] {
            if let value = FileSystem.environment(name) { environment[name] = value }
        }
        let state = OutputState()
        var console = Console(
            readStandardInput: { count in
                FileSystem.readChunk(descriptor: 0, count: count)
            },
            // A failed write to standard output is a closed pipe (`| head`): nothing more can be said.
            writeOutput: { bytes in if case .failure = FileSystem.writeAll(1, bytes) { state.markClosed() } },
            writeError: { text in _ = FileSystem.writeAll(2, Array(visibleLines(text).utf8)) },
            standardOutputIsTerminal: FileSystem.isTerminal(1), standardInputIsTerminal: FileSystem.isTerminal(0),
            environment: environment, currentDirectory: FileSystem.currentDirectory())
        console.outputState = state
        return console
    }

    /// Writes text to standard output.
    func write(_ text: String) { writeOutput(Array(text.utf8)) }
}

/// Whether standard output is still open, shared by the threads that write it.
public final class OutputState: Sendable {
    private let closed = Atomic<Bool>(false)

    public init() {}

    public var isClosed: Bool { closed.load(ordering: .relaxed) }

    func markClosed() { closed.store(true, ordering: .relaxed) }
}

/// A path as messages show it: any control character (and any byte of a name that is not
/// UTF-8) written visibly, so a crafted file name cannot act on the terminal or the log.
func shown(_ path: String) -> String { VisibleText.escaped(path) }

/// Standard error's text with every control character but its own line breaks made visible:
/// what a message quotes from the input cannot act on the terminal, whatever the message.
func visibleLines(_ text: String) -> String {
    guard text.utf8.contains(where: { ($0 < 0x20 && $0 != 0x0A) || $0 >= 0x7F }) else { return text }
    return text.split(separator: "\n", omittingEmptySubsequences: false).map { VisibleText.escaped(String($0)) }
        .joined(separator: "\n")
}
