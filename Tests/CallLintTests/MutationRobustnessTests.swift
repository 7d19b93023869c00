import Foundation
import XCTest

@testable import CallLint

/// A seeded mutation test: fixtures and rule examples, mutated the ways real files go wrong
/// (bytes flipped, cut, duplicated, spliced, pasted characters), each run through
/// RobustnessCheck. Deterministic: the seed fixes the inputs. The libFuzzer target
/// (fuzz/run-libfuzzer.sh) runs the same check for minutes, guided by coverage.
final class MutationRobustnessTests: XCTestCase {
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            // SplitMix64
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let pasted: [[UInt8]] = [
        Array("\u{200B}".utf8), Array("\u{00A0}".utf8), Array("“".utf8), Array(",".utf8), Array("}".utf8),
        Array("[".utf8),
        Array("\"".utf8), Array("\\u".utf8), Array("\\ud800".utf8), [0xFF], [0x00], Array("{{x}}".utf8),
        Array("+1".utf8),
        Array("sip:".utf8), Array("%40".utf8), Array("phoneNumber".utf8), Array("\"to\":".utf8), Array("null".utf8),
    ]

    func mutate(_ input: [UInt8], _ random: inout SeededGenerator) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0...bytes.count, using: &random)
            switch Int.random(in: 0..<6, using: &random) {
            case 0 where position < bytes.count: bytes[position] = UInt8.random(in: 0...255, using: &random)
            case 1 where position < bytes.count: bytes.remove(at: position)
            case 2: bytes.insert(contentsOf: Self.pasted.randomElement(using: &random)!, at: position)
            case 3: bytes = Array(bytes[..<position])
            case 4 where position < bytes.count:
                let end = min(bytes.count, position + Int.random(in: 1...32, using: &random))
                bytes.insert(contentsOf: bytes[position..<end], at: Int.random(in: 0...bytes.count, using: &random))
            default: bytes.insert(UInt8(ascii: " "), at: position)
            }
        }
        return bytes
    }

    func testMutatedInputsKeepEveryPromise() throws {
        var seeds: [[UInt8]] = []
        let enumerator = FileManager.default.enumerator(atPath: TestPaths.fixtures.path)!
        let seedExtensions = [".json", ".js", ".mjs", ".cjs", ".ts", ".py", ".cs", ".java", ".go", ".md"]
        for case let path as String in enumerator where seedExtensions.contains(where: { path.hasSuffix($0) }) {
            seeds.append(try [UInt8](Data(contentsOf: TestPaths.fixtures.appendingPathComponent(path))))
        }
        seeds += RuleCatalog.shared.documents.flatMap { $0.examples.map { Array($0.code.utf8) } }
        XCTAssertGreaterThan(seeds.count, 50)
        var random = SeededGenerator(state: 20_261_122)
        var checked = 0
        for _ in 0..<3000 {
            let input = mutate(seeds.randomElement(using: &random)!, &random)
            let violations = RobustnessCheck.run(input)
            XCTAssertEqual(violations, [], "input: \(String(decoding: input, as: UTF8.self).debugDescription)")
            checked += 1
            if !violations.isEmpty { break }
        }
        XCTAssertEqual(checked, 3000)
    }
}
