import FoundationEssentials
import Testing

@testable import NotebookRunner

/// Seeded random-mutation fuzzing of the three parsers that read files a notebook's author or
/// a secrets renderer controls: the env-file parser, the YAML parameter loader and the notebook
/// reader (with ``NotebookShape``). Each target gets `NBRUNNER_FUZZ_SECONDS` seconds (default 3;
/// scripts/test.sh runs them for longer on their own). A crash or trap kills the test process,
/// which fails the run; the checks below also hold for every input. The seed is printed, and
/// `NBRUNNER_FUZZ_SEED` replays a run.
///
/// Why not libFuzzer: `swiftc -sanitize=fuzzer` works here, but the target would need the whole
/// NotebookRunner module rebuilt with coverage instrumentation, minutes on the CI machine; a
/// mutation loop over the same seeds runs inside the ordinary test build.
@Suite(.serialized) struct FuzzTests {
    static let seconds: Double = ProcessInfo.processInfo.environment["NBRUNNER_FUZZ_SECONDS"].flatMap(Double.init) ?? 3
    static let seed: UInt64 =
        ProcessInfo.processInfo.environment["NBRUNNER_FUZZ_SEED"].flatMap { UInt64($0) }
        ?? UInt64.random(in: 1...UInt64.max)

    /// SplitMix64: small, seedable, good enough to pick mutations.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Bytes the parsers treat specially.
    static let interesting: [UInt8] = Array("\"'\\$`{}[]:,#=\n\r\t -0123456789.eE&*!|>%@u".utf8) + [0x00, 0x7F, 0x80, 0xBF, 0xC0, 0xED, 0xEF, 0xF4, 0xFF]

    static func mutate(_ input: [UInt8], corpus: [[UInt8]], _ g: inout Generator) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &g) {
            let at = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &g)
            switch Int.random(in: 0..<8, using: &g) {
            case 0 where !bytes.isEmpty: bytes[at] ^= UInt8(1 << Int.random(in: 0..<8, using: &g))
            case 1: bytes.insert(interesting.randomElement(using: &g)!, at: at)
            case 2 where !bytes.isEmpty: bytes[at] = interesting.randomElement(using: &g)!
            case 3 where !bytes.isEmpty:
                bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...16, using: &g)))
            case 4 where !bytes.isEmpty:
                let end = min(bytes.count, at + Int.random(in: 1...64, using: &g))
                bytes.insert(contentsOf: bytes[at..<end], at: Int.random(in: 0...bytes.count, using: &g))
            case 5:
                let other = corpus.randomElement(using: &g)!
                guard !other.isEmpty else { break }
                let start = Int.random(in: 0..<other.count, using: &g)
                bytes.insert(contentsOf: other[start..<min(other.count, start + Int.random(in: 1...128, using: &g))], at: at)
            case 6: bytes = Array(bytes.prefix(at))
            default:
                let run = [UInt8](repeating: interesting.randomElement(using: &g)!, count: Int.random(in: 1...600, using: &g))
                bytes.insert(contentsOf: run, at: at)
            }
        }
        return bytes
    }

    /// Runs `body` on mutations of `seeds` for ``seconds``; returns how many inputs it tried.
    static func fuzz(_ name: String, seeds: [[UInt8]], _ body: ([UInt8]) throws -> Void) rethrows -> Int {
        var g = Generator(state: seed &+ UInt64(name.utf8.reduce(0) { $0 &* 31 &+ Int($1) }.magnitude))
        print("fuzz \(name): seed \(seed) (NBRUNNER_FUZZ_SEED), \(seconds)s")
        for input in seeds { try body(input) }
        let end = ContinuousClock.now + .milliseconds(Int64(seconds * 1000))
        var count = 0
        var current = seeds.randomElement(using: &g)!
        while ContinuousClock.now < end {
            for _ in 0..<64 {
                // Mostly mutate the last input further; sometimes start again from a seed.
                if Int.random(in: 0..<8, using: &g) == 0 || current.count > 1 << 20 { current = seeds.randomElement(using: &g)! }
                current = mutate(current, corpus: seeds, &g)
                try body(current)
                count += 1
            }
        }
        print("fuzz \(name): \(count) inputs, no crash")
        return count
    }

    static func fixture(_ name: String) -> [UInt8] {
        var path = #filePath
        for _ in 0..<2 { path = FileSystem.parent(path) }
        return Array((try? Data(contentsOf: URL(filePath: "\(path)/Fixtures/\(name)"))) ?? Data())
    }

    @Test func envFileParser() throws {
        let seeds: [[UInt8]] = [
            "export DB_USER=\"reader\"\nexport DB_PASSWORD='p@ss w0rd'\n# comment\nPLAIN=a.b/c:d\n",
            "A=\"multi\\\nline \\$HOME \\\" \\\\\"\r\nB='x\ny'\nC=\"x\" # c\n",
            "{\"DB_USER\": \"u\", \"DB_PASSWORD\": \"p\\u00e9\\n\"}",
            "{\"data\": {\"A\": \"1\", \"B\": \"2\"}, \"metadata\": {\"version\": 3}}",
            "\u{FEFF}export K=v\n",
        ].map { Array($0.utf8) }
        let count = try Self.fuzz("env-file", seeds: seeds) { input in
            do throws(EnvFileParser.Failure) {
                for entry in try EnvFileParser.parse(input) {
                    #expect(EnvFileParser.isValidKey(Array(entry.key.utf8)))
                    #expect(!entry.value.utf8.contains(0), "a value with a NUL must be refused")
                    #expect(entry.line >= 1)
                }
            } catch {
                #expect(error.line >= 1 && error.column >= 1)
                #expect(!error.reason.isEmpty && !error.reason.contains("\n"))
            }
        }
        #expect(count > 0)
    }

    @Test func yamlParameters() throws {
        let seeds: [[UInt8]] = [
            Self.fixture("params.yaml"), Self.fixture("bad-params.yaml"),
            Array("a: 1\nb: [1, 2, {c: d}]\nc: &x {k: v}\nd: *x\ne: |\n  text\n  more\nf: !!str 3\n".utf8),
            Array("---\nx: 'quoted'\n...\n".utf8), Array("~".utf8), Array("[1, 2]".utf8),
        ]
        let count = try Self.fuzz("yaml", seeds: seeds) { input in
            do throws(RunFailure) {
                #expect(try YAMLParameters.check(input, origin: "fuzz") >= 0)
            } catch {
                #expect(error.category == .configurationError)
                #expect(error.message.hasPrefix("fuzz:"))
            }
        }
        #expect(count > 0)
    }

    @Test func notebookReader() throws {
        var seeds = ["sysexit0.ipynb", "params.ipynb", "golden-match.ipynb", "validation.ipynb", "raises-exception.ipynb"]
            .map { Self.fixture("notebooks/\($0)") }.filter { !$0.isEmpty }
        seeds.append(
            Array(
                #"{"nbformat": 4, "nbformat_minor": 5, "metadata": {"papermill": {}}, "cells": [{"cell_type": "code", "metadata": {"tags": ["x"]}, "source": ["a", "b"], "outputs": [{"output_type": "error", "ename": "E", "evalue": "v", "traceback": ["t"]}, {"output_type": "stream", "name": "stderr", "text": "w"}, {"output_type": "execute_result", "data": {"text/plain": "1", "image/png": "AA=="}}]}]}"#
                    .utf8))
        seeds.append(Array((String(repeating: "[", count: 3000) + String(repeating: "]", count: 3000)).utf8))
        let count = try Self.fuzz("notebook", seeds: seeds) { input in
            for full in [false, true] {
                do throws(RunFailure) {
                    let document = try NotebookReader.decode(Data(input), path: "fuzz.ipynb", mode: full ? .full : .scanned(.all))
                    #expect(document.nbformat == 4)
                    _ = NotebookShape.problem(in: input)
                } catch {
                    #expect(error.category == .invalidNotebook)
                }
            }
            _ = JSONSyntaxError.find(in: input)
        }
        #expect(count > 0)
    }
}
