import Testing

@testable import NotebookRunner

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct RunnerLogTests {
    @Test func shortLinesAreKept() {
        #expect(RunnerLog.clip(Array("hello".utf8)) == Array("hello".utf8))
        let exact = [UInt8](repeating: 0x61, count: RunnerLog.maxLineBytes)
        #expect(RunnerLog.clip(exact) == exact)
    }

    @Test func longLinesAreCutWithHowMuch() {
        let line = [UInt8](repeating: 0x61, count: 10_000)
        let out = String(decoding: RunnerLog.clip(line), as: UTF8.self)
        #expect(out.utf8.count <= RunnerLog.maxLineBytes)
        let kept = out.prefix { $0 == "a" }.count
        #expect(out.hasSuffix("…[\(10_000 - kept) bytes cut]"))
    }

    /// What the line splitter already dropped counts too.
    @Test func omittedBytesAreCounted() {
        let out = String(decoding: RunnerLog.clip(Array("abc".utf8), omitted: 500), as: UTF8.self)
        #expect(out == "abc…[500 bytes cut]")
    }

    @Test func cutsAtACharacterBoundary() {
        let line = Array(String(repeating: "€", count: 3000).utf8)  // 3 bytes each
        for limit in [4096, 4095, 4094, 100, 31] {
            let out = RunnerLog.clip(line, limit: limit)
            #expect(out.count <= limit)
            #expect(String(validating: out, as: UTF8.self) != nil, "limit \(limit)")
        }
    }

    /// The log redacts before it cuts, and every line it writes is within the cap.
    @Test func writesRedactedLinesWithinTheCap() throws {
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        defer { close(fds[0]) }
        let log = RunnerLog(fd: fds[1])
        log.use(Redactor(values: ["s3cr3t-value"]))
        var batch = RunnerLog.Batch()
        batch.append(Array((String(repeating: "x", count: 4080) + "s3cr3t-value" + "tail").utf8))
        batch.append(Array("Results Summary: Golden Notebook Summary: s3cr3t-value".utf8))
        log.write(batch)
        close(fds[1])
        var buffer = [UInt8](repeating: 0, count: 65536)
        let n = read(fds[0], &buffer, buffer.count)
        let text = String(decoding: buffer[..<n], as: UTF8.self)
        let lines = text.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.utf8.count <= RunnerLog.maxLineBytes })
        #expect(!text.contains("s3cr3t"))
        #expect(lines[1] == "Results-Summary: Golden-Notebook Summary: ***")
    }
}

@Suite struct LogStreamTests {
    @Test func flagIsFoundBeforeParsing() {
        #expect(LogStream.flag(in: ["run", "nb.ipynb", "--log-stream", "stderr"]) == "stderr")
        #expect(LogStream.flag(in: ["--log-stream=stdout", "nb.ipynb"]) == "stdout")
        #expect(LogStream.flag(in: ["nb.ipynb", "--", "--log-stream", "stdout"]) == nil)
        #expect(LogStream.flag(in: ["--log-stream"]) == nil)
    }

    @Test func resolveNamesWhereABadValueCameFrom() {
        #expect(throws: RunFailure.self) { try LogStream.resolve(flag: "both", environment: [:]) }
        #expect((try? LogStream.resolve(flag: nil, environment: ["NBRUNNER_LOG_STREAM": ""])) == .auto)
        #expect((try? LogStream.resolve(flag: nil, environment: ["NBRUNNER_LOG_STREAM": "stdout"])) == .stdout)
        #expect((try? LogStream.resolve(flag: "stderr", environment: ["NBRUNNER_LOG_STREAM": "stdout"])) == .stderr)
    }

    @Test func containerSigns() {
        #expect(LogStream.containerReason(pid: 1, environment: [:]) != nil)
        #expect(LogStream.containerReason(pid: 42, environment: ["KUBERNETES_SERVICE_HOST": "10.0.0.1"]) != nil)
        #expect(LogStream.containerReason(pid: 42, environment: ["container": "podman"]) != nil)
        #expect(LogStream.containerReason(pid: 42, environment: ["KUBERNETES_SERVICE_HOST": ""]) == nil)
        #expect(LogStream.containerReason(pid: 42, environment: [:]) == nil)
    }
}
