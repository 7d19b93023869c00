import Dispatch
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Runs `body` for 0..<count on up to `workers` threads and returns the results in index
/// order. Workers take the next few indices from a shared counter, so a slow item does not
/// hold up a whole share of the work.
public enum ParallelMap {
    public static var processorCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    public static func map<T>(_ count: Int, workers: Int, _ body: (Int) -> T) -> [T] {
        let workerCount = min(max(1, workers), count)
        if workerCount <= 1 { return (0..<count).map(body) }
        let slots = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        slots.initialize(repeating: nil)
        defer {
            slots.deinitialize()
            slots.deallocate()
        }
        let queue = WorkQueue()
        let chunk = max(1, min(16, count / (workerCount * 8)))
        // Each index is written by exactly one worker, and read only after all have finished.
        nonisolated(unsafe) let sharedSlots = slots
        withoutActuallyEscaping(body) { body in
            nonisolated(unsafe) let work = body
            DispatchQueue.concurrentPerform(iterations: workerCount) { _ in
                while true {
                    // A few indices at a time: one shared count per item, and neighbouring
                    // results written by different threads into one cache line, cost a bulk
                    // run more than the imbalance a short run of items can leave.
                    let first = queue.next.add(chunk, ordering: .relaxed).oldValue
                    guard first < count else { return }
                    for index in first..<min(first + chunk, count) { sharedSlots[index] = work(index) }
                }
            }
        }
        return slots.map { $0! }
    }
}

final class WorkQueue: Sendable {
    let next = Atomic<Int>(0)
}
