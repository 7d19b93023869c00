#if canImport(Glibc)
import Glibc
#endif
import CallLint
import Dispatch
import Synchronization

/// Reads and checks inputs, spreading files over the cores. Each file is read, parsed and
/// checked by one worker; results land in their input's slot, so output order does not
/// depend on scheduling.
struct FileChecker {
    let settings: LintSettings
    let configuration: Configuration
    let currentDirectory: String
    let forceNDJSON: Bool
    let console: Console

    func check(_ inputs: [InputCollector.Input], jobs: Int?) -> [FileReport] {
        // Standard input is read here, once, before any worker starts.
        var standardInput: Result<[UInt8], FileSystemFailure>?
        if inputs.contains(where: { if case .standardInput = $0 { return true } else { return false } }) {
            standardInput = console.readStandardInput()
        }
        let workerCount = min(max(1, jobs ?? System.activeProcessorCount), max(1, inputs.count))
        if workerCount == 1 {
            return inputs.map { check($0, standardInput: standardInput) }
        }
        let slots = UnsafeMutableBufferPointer<FileReport?>.allocate(capacity: inputs.count)
        slots.initialize(repeating: nil)
        defer { slots.deallocate() }
        let queue = WorkQueue()
        nonisolated(unsafe) let sharedSlots = slots
        nonisolated(unsafe) let checker = self
        let stdin = standardInput
        DispatchQueue.concurrentPerform(iterations: workerCount) { _ in
            while true {
                let index = queue.next.add(1, ordering: .relaxed).oldValue
                guard index < inputs.count else { return }
                sharedSlots[index] = checker.check(inputs[index], standardInput: stdin)
            }
        }
        return slots.map { $0! }
    }

    func check(_ input: InputCollector.Input, standardInput: Result<[UInt8], FileSystemFailure>?) -> FileReport {
        switch input {
        case .unreadable(let path, let message):
            return FileReport(displayName: path, source: nil, diagnostics: [], readError: message)
        case .standardInput(let name):
            switch standardInput {
            case .success(let bytes)?:
                return lint(SourceText(name: name, bytes: bytes), path: name)
            case .failure(let failure)?:
                return FileReport(displayName: name, source: nil, diagnostics: [], readError: "standard input: " + failure.message)
            case nil:
                return FileReport(displayName: name, source: nil, diagnostics: [], readError: "standard input was not read")
            }
        case .file(let path, let size):
            switch FileSystem.readFile(path, sizeHint: size) {
            case .failure(let failure):
                return FileReport(displayName: path, source: nil, diagnostics: [], readError: failure.message)
            case .success(let bytes):
                return lint(SourceText(name: path, bytes: bytes), path: path)
            }
        }
    }

    func lint(_ source: SourceText, path: String) -> FileReport {
        let settings = settings(for: path)
        let linter = Linter(settings: settings)
        let ndjson = forceNDJSON || path.hasSuffix(".ndjson") || path.hasSuffix(".jsonl")
        let diagnostics = ndjson ? NDJSONLinter(linter: linter).lint(source) : linter.lint(source)
        return FileReport(displayName: path, source: source, diagnostics: diagnostics)
    }

    /// The base settings less the rules the configuration ignores for this path.
    func settings(for path: String) -> LintSettings {
        guard !configuration.pathIgnores.isEmpty else { return settings }
        let absolute = PathUtilities.absolute(path, from: currentDirectory)
        let relative = PathUtilities.relative(absolute, to: PathUtilities.normalize(configuration.baseDirectory)) ?? path
        let ignored = configuration.ignoredRules(forRelativePath: relative)
        guard !ignored.isEmpty else { return settings }
        var adjusted = settings
        adjusted.enabledRules = Set(RuleCatalog.ruleIDs.filter { settings.isEnabled($0) && !ignored.contains($0) })
        return adjusted
    }

    /// Checks a changed text again with the same settings (after fixes).
    func relint(_ report: FileReport, bytes: [UInt8]) -> FileReport {
        lint(SourceText(name: report.displayName, bytes: bytes), path: report.displayName)
    }
}

final class WorkQueue: Sendable {
    let next = Atomic<Int>(0)
}

enum System {
    static var activeProcessorCount: Int {
        Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
    }
}
