import CallLint

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A report written to a file beside the one printed (`--output FORMAT=PATH`), from the same
/// run: a CI step annotates the pull request and writes SARIF without checking twice.
final class ReportFile {
    /// The open file the report's bytes go to, and the first failure writing them.
    final class Destination {
        let descriptor: Int32
        var failure: IOFailure?

        init(descriptor: Int32) { self.descriptor = descriptor }

        func write(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard failure == nil, case .failure(let failed) = FileSystem.writeAll(descriptor, bytes) else {
                return
            }
            failure = failed
        }
    }

    let path: String
    private var writer: any ReportWriter
    private let destination: Destination
    private let buffer: OutputBuffer

    private init(path: String, writer: any ReportWriter, destination: Destination) {
        self.path = path
        self.writer = writer
        self.destination = destination
        buffer = OutputBuffer(sink: destination.write)
    }

    static func create(_ format: OutputFormat, at path: String) -> Result<ReportFile, IOFailure> {
        let descriptor = open(FileName.systemBytes(path), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode_t(0o644))
        guard descriptor >= 0 else { return .failure(IOFailure(message: FileSystem.errorMessage(errno))) }
        let writer = format.makeWriter(options: OutputOptions(color: false))
        return .success(ReportFile(path: path, writer: writer, destination: Destination(descriptor: descriptor)))
    }

    func begin() {
        writer.begin(into: buffer)
        buffer.pieceEnded()
    }

    func write(_ report: FileReport) {
        writer.write(report, into: buffer)
        buffer.pieceEnded()
    }

    /// Writes the end, closes the file, and says why writing failed, if it did.
    func finish(_ totals: ReportTotals) -> IOFailure? {
        writer.finish(totals, into: buffer)
        buffer.flush()
        if close(destination.descriptor) != 0, destination.failure == nil {
            destination.failure = IOFailure(message: FileSystem.errorMessage(errno))
        }
        return destination.failure
    }
}
