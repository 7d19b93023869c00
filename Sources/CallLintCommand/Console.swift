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
    /// Set once writing standard output fails (a closed pipe from `| head`, a full disk): the
    /// run says so in its exit status, and stops early unless it is fixing files.
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
    /// - Parameter closedAtStart: the standard descriptors that were closed when the process
    ///   started (now open on /dev/null, see `FileSystem.reopenClosedStandardDescriptors`):
    ///   reading or writing them fails, as it would have.
    public static func process(closedAtStart: Set<Int32> = []) -> Console {
        var environment: [String: String] = [:]
        for name in ["NO_COLOR", "TERM", "CALL_LINT_CONFIG"] {
            if let value = FileSystem.environment(name) { environment[name] = value }
        }
        let state = OutputState()
        let inputClosed = closedAtStart.contains(0)
        let outputClosed = closedAtStart.contains(1)
        var console = Console(
            readStandardInput: { count in
                inputClosed
                    ? .failure(IOFailure(message: FileSystem.closedStandardInput))
                    : FileSystem.readChunk(descriptor: 0, count: count)
            },
            writeOutput: { bytes in
                if outputClosed {
                    state.markFailed(EBADF)
                } else if case .failure(let failure) = FileSystem.writeAll(1, bytes) {
                    state.markFailed(failure.code)
                }
            },
            writeError: { text in _ = FileSystem.writeAll(2, Array(visibleLines(text).utf8)) },
            standardOutputIsTerminal: FileSystem.isTerminal(1), standardInputIsTerminal: FileSystem.isTerminal(0),
            environment: environment, currentDirectory: FileSystem.currentDirectory() ?? "")
        console.outputState = state
        return console
    }

    /// Writes text to standard output.
    func write(_ text: String) { writeOutput(Array(text.utf8)) }
}

/// Whether writing standard output has failed, and how: shared by the threads that write it.
public final class OutputState: Sendable {
    /// The errno of the first failed write; 0 while every write has gone out.
    private let failureCode = Atomic<Int32>(0)

    public init() {}

    public var isClosed: Bool { failureCode.load(ordering: .relaxed) != 0 }

    /// The first failure's errno, or nil.
    public var failure: Int32? {
        let code = failureCode.load(ordering: .relaxed)
        return code == 0 ? nil : code
    }

    public func markFailed(_ code: Int32) {
        _ = failureCode.compareExchange(expected: 0, desired: code == 0 ? EIO : code, ordering: .relaxed)
    }

    /// What a message says about the failure: nil for a closed pipe (`| head`), which the
    /// reader closed on purpose and needs no message.
    public var message: String? {
        guard let failure, failure != EPIPE else { return nil }
        return failure == EBADF ? "standard output is closed" : FileSystem.errorMessage(failure)
    }
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
