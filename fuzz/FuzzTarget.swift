// libFuzzer entry point; built by fuzz/run-libfuzzer.sh together with the CallLint sources.
@_cdecl("LLVMFuzzerTestOneInput")
public func callLintFuzzTarget(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let violations = RobustnessCheck.run(bytes)
    if !violations.isEmpty {
        fatalError("call-lint robustness violation: \(violations.joined(separator: "; "))")
    }
    return 0
}
