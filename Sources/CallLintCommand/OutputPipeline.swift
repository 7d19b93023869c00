import Dispatch

/// Formats and writes one block of results on its own thread while the workers check the
/// next block: rendering the text of 100,000 findings is serial work, and done in line it
/// leaves the cores idle between blocks. Blocks are written in the order they are handed
/// over, and at most `depth` wait, so memory stays bounded.
final class OutputPipeline: @unchecked Sendable {
    private let queue = DispatchQueue(label: "call-lint.output")
    private let free: DispatchSemaphore

    init(depth: Int = 2) {
        free = DispatchSemaphore(value: depth)
    }

    /// Runs `write` after every block handed over before it. The caller must not touch what
    /// `write` uses until `drain()` returns.
    func submit(_ write: @escaping () -> Void) {
        free.wait()
        // Blocks run one at a time, in order, on the serial queue; drain() publishes their
        // effects to the caller.
        nonisolated(unsafe) let work = write
        queue.async {
            work()
            self.free.signal()
        }
    }

    /// Waits until every block handed over has been written.
    func drain() {
        queue.sync {}
    }
}
