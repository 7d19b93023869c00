import CallLint

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A report written to a file beside the one printed (`--output FORMAT=PATH`), from the same
/// run: a CI step annotates the pull request and writes SARIF without checking twice. It is
/// written into a new file beside PATH and put in PATH's place when the run ends, so a report
/// that fails or a run that is killed leaves the earlier report whole, never a torn one.
final class ReportFile {
    /// Where the report's bytes go, and the first failure writing them.
    final class Destination {
        let file: ReplacementFile
        var failure: IOFailure?

        init(file: ReplacementFile) { self.file = file }

        func write(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard failure == nil, case .failure(let failed) = file.write(bytes) else { return }
            failure = failed
        }
    }

    let path: String
    private var writer: any ReportWriter
    private let destination: Destination
    private let buffer: OutputBuffer
    /// The folder the report goes in, held open, and the report's name there.
    private let folder: Int32
    private let name: [CChar]

    private init(path: String, writer: any ReportWriter, destination: Destination, folder: Int32, name: [CChar]) {
        self.path = path
        self.writer = writer
        self.destination = destination
        self.folder = folder
        self.name = name
        buffer = OutputBuffer(sink: destination.write)
    }

    deinit { close(folder) }

    static func create(_ format: OutputFormat, at path: String) -> Result<ReportFile, IOFailure> {
        let (folderPath, name) = PathUtilities.folderAndName(path)
        let folder = open(FileName.systemBytes(folderPath), O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { return .failure(ReplacementFile.lastFailure()) }
        var info = stat()
        if fstatat(folder, name, &info, 0) == 0, info.st_mode & S_IFMT == S_IFDIR {
            close(folder)
            return .failure(IOFailure(message: "it is a folder"))
        }
        switch ReplacementFile.create(in: folder) {
        case .failure(let failure):
            close(folder)
            return .failure(failure)
        case .success(let file):
            let writer = format.makeWriter(options: OutputOptions(color: false))
            return .success(
                ReportFile(
                    path: path, writer: writer, destination: Destination(file: file), folder: folder, name: name))
        }
    }

    func begin() {
        writer.begin(into: buffer)
        buffer.pieceEnded()
    }

    func write(_ report: FileReport) {
        writer.write(report, into: buffer)
        buffer.pieceEnded()
    }

    /// Writes the end and puts the report in its place, or says why it could not be: then the
    /// file at the path is left as it was.
    func finish(_ totals: ReportTotals) -> IOFailure? {
        writer.finish(totals, into: buffer)
        buffer.flush()
        if destination.failure == nil, let incomplete = writer.failure {
            destination.failure = IOFailure(message: incomplete)
        }
        if let failure = destination.failure {
            destination.file.discard()
            return failure
        }
        // A mode as a file created with 0644 under the umask would have.
        let mask = umask(0)
        umask(mask)
        fchmod(destination.file.descriptor, 0o644 & ~mask)
        if case .failure(let failure) = destination.file.commit(as: name) { return failure }
        return nil
    }
}
