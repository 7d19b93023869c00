import CallLint

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The process that does the server's checking: a fork of the server, made when first needed
/// and kept, talking over two pipes in the protocol's own framing. A crash or a hang while
/// checking one document costs that answer, not the session: the server reports it, and the
/// next request gets a new process. Where no process can be made (no fork on this system, or
/// the system refuses), the service runs in the server itself.
final class CheckWorker {
    /// Longer than a check of the largest input takes: past it the check is taken to hang.
    static let timeLimitMilliseconds: Int32 = 60_000

    /// One checking process, seen from the server.
    private struct Child {
        let pid: pid_t
        let requests: Int32
        let answers: Int32
        var reader: MessageFrameReader
        let timedOut: Flag
    }

    final class Flag {
        var isSet = false
    }

    /// Makes what answers requests, in the process that will answer them.
    private let makeHandler: () -> (JSONTree) -> JSONTree
    private let timeLimit: Int32
    private var child: Child?
    private var inProcess: ((JSONTree) -> JSONTree)?
    /// The last workspace folder set, told again to a new process.
    private var workspaceRequest: JSONTree?

    init(
        timeLimit: Int32 = CheckWorker.timeLimitMilliseconds, makeHandler: @escaping () -> (JSONTree) -> JSONTree
    ) {
        self.makeHandler = makeHandler
        self.timeLimit = timeLimit
    }

    deinit {
        if let child { end(child, killing: true) }
    }

    /// An answer, or why there is none.
    func ask(_ request: JSONTree) -> Result<JSONTree, IOFailure> {
        if request["op"]?.string == "workspace" { workspaceRequest = request }
        if child == nil, inProcess == nil {
            child = start()
            if child == nil {
                let handler = makeHandler()
                if let workspaceRequest { _ = handler(workspaceRequest) }
                inProcess = handler
            }
        }
        if let inProcess { return .success(inProcess(request)) }
        guard var running = child else { return .failure(IOFailure(message: "the checking process is gone")) }
        running.timedOut.isSet = false
        let sent = Self.writeAll(MessageFrameWriter.frame(request), to: running.requests)
        let frame = sent ? running.reader.next() : .end
        child = running
        guard case .message(let bytes) = frame, let answer = JSONTree.parse(bytes) else {
            child = nil
            return .failure(IOFailure(message: end(running, killing: running.timedOut.isSet)))
        }
        return .success(answer)
    }

    private func start() -> Child? {
        #if os(Linux)
            var toChild: [Int32] = [0, 0]
            var fromChild: [Int32] = [0, 0]
            guard pipe(&toChild) == 0 else { return nil }
            guard pipe(&fromChild) == 0 else {
                close(toChild[0])
                close(toChild[1])
                return nil
            }
            let pid = fork()
            if pid == 0 {
                close(toChild[1])
                close(fromChild[0])
                let handler = makeHandler()
                if let workspaceRequest { _ = handler(workspaceRequest) }
                Self.serve(handler, requests: toChild[0], answers: fromChild[1])
            }
            close(toChild[0])
            close(fromChild[1])
            guard pid > 0 else {
                close(toChild[1])
                close(fromChild[0])
                return nil
            }
            let answers = fromChild[0]
            let limit = timeLimit
            let timedOut = Flag()
            let reader = MessageFrameReader(read: { count in
                let read = Self.read(answers, count, timeLimit: limit)
                if case .failure = read { timedOut.isSet = true }
                return read
            })
            return Child(pid: pid, requests: toChild[1], answers: answers, reader: reader, timedOut: timedOut)
        #else
            return nil
        #endif
    }

    /// The checking process's life: a request in, an answer out, until the server goes away.
    private static func serve(_ handler: (JSONTree) -> JSONTree, requests: Int32, answers: Int32) -> Never {
        var reader = MessageFrameReader(read: { count in read(requests, count, timeLimit: -1) })
        while case .message(let bytes) = reader.next() {
            let answer = JSONTree.parse(bytes).map(handler) ?? .null
            guard writeAll(MessageFrameWriter.frame(answer), to: answers) else { break }
        }
        _exit(0)
    }

    /// Ends a process (it crashed, hung or garbled its answer). - Returns: what happened, in words.
    @discardableResult
    private func end(_ child: Child, killing: Bool) -> String {
        close(child.requests)
        close(child.answers)
        if killing { kill(child.pid, SIGKILL) }
        var status: Int32 = 0
        while waitpid(child.pid, &status, 0) < 0, errno == EINTR {}
        if killing { return "checking it took longer than \(timeLimit / 1000) s, and was stopped" }
        let signal = status & 0x7f
        if signal != 0 { return "checking it crashed (signal \(signal))" }
        return "checking it ended the checking process (status \((status >> 8) & 0xff))"
    }

    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, bytes.count - written) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            written += count
        }
        return true
    }

    /// Reads what is there, waiting at most `timeLimit` ms (-1: for ever): empty at the end,
    /// a failure when the time ran out or reading failed.
    static func read(_ descriptor: Int32, _ count: Int, timeLimit: Int32) -> Result<[UInt8], IOFailure> {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        while true {
            let ready = poll(&entry, 1, timeLimit)
            if ready < 0, errno == EINTR { continue }
            if ready == 0 { return .failure(IOFailure(message: "no answer in time")) }
            guard ready > 0 else { return .success([]) }
            var buffer = [UInt8](repeating: 0, count: count)
            let got = buffer.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress!, count) }
            if got < 0, errno == EINTR { continue }
            guard got > 0 else { return .success([]) }
            return .success(Array(buffer[0..<got]))
        }
    }

    private static func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
            return Glibc.read(descriptor, buffer, count)
        #else
            return Darwin.read(descriptor, buffer, count)
        #endif
    }
}
