import FoundationEssentials
import NotebookRunner
import Subprocess
import Testing

/// What the operator's controller reads in a pod log recorded the way a container runtime
/// records it (two pipes read at once, lines stamped as read; ``RuntimeLog``), parsed with the
/// controller's own algorithm (``Controller``).
@Suite struct PodLogTests {
    /// In a pod (`KUBERNETES_SERVICE_HOST` set) the log and the block share stdout, so the order
    /// is nbrunner's: the notebook's braces, its error and nbrunner's last lines, which hold
    /// braces too, never land after the JSON or between the marker and it.
    @Test func theControllerParsesEveryRunInAPod() async throws {
        try await Self.repeatedRuns(50, environment: ["KUBERNETES_SERVICE_HOST": "10.96.0.1"], expectMerged: true)
    }

    /// Outside a container the log stays on stderr; the block waits until the stderr pipe has
    /// been read, so a reader that keeps up still records the block last.
    @Test func theControllerParsesEveryRunWithTwoStreams() async throws {
        try await Self.repeatedRuns(10, environment: ["NBRUNNER_LOG_STREAM": "stderr"], expectMerged: false)
    }

    /// Runs the notebook `count` times, two at a time, and lists what the controller would get
    /// wrong in each pod log.
    static func repeatedRuns(_ count: Int, environment: [String: String], expectMerged: Bool) async throws {
        let failures = try await withThrowingTaskGroup(of: [String].self) { group in
            var next = 1
            var failures: [String] = []
            func start() {
                let attempt = next
                next += 1
                group.addTask {
                    let run = try await RuntimeLog.run(Paths.notebook("braces.ipynb"), environment: environment)
                    defer { try? Nbrunner.removeTree(run.directory) }
                    return problems(run, expectMerged: expectMerged).map { "run \(attempt): \($0)" }
                }
            }
            for _ in 0..<min(2, count) { start() }
            while let found = try await group.next() {
                failures += found
                if next <= count { start() }
            }
            return failures
        }
        #expect(failures.isEmpty, "\(failures.count) problems in \(count) runs: \(failures.prefix(10))")
    }

    static func problems(_ run: RuntimeLog, expectMerged: Bool) -> [String] {
        var problems: [String] = []
        let log = run.text
        if run.exitCode != 1 { problems.append("exit \(run.exitCode)") }
        do {
            let result = try Controller.parseResults(log)
            if result.exit_code != Int(run.exitCode) || result.status != "failed" || result.cells.count != 4 {
                problems.append("parsed exit \(result.exit_code), status \(result.status)")
            }
        } catch {
            problems.append("\(error)")
        }
        let lines = run.lines
        guard let marker = lines.firstIndex(where: { $0.text == SummaryMarker.text }), marker + 1 < lines.count else {
            return problems + ["no marker line"]
        }
        // The marker, then `{` on the next line, and the last line `}`: nothing between or after.
        if lines[marker + 1].text != "{" { problems.append("after the marker: \(lines[marker + 1].text)") }
        if lines.last?.text != "}" { problems.append("the log ends with \(lines.last?.text ?? "")") }
        if lines[marker...].contains(where: { $0.stream == .stderr }) { problems.append("a stderr line in or after the block") }
        if expectMerged, lines.contains(where: { $0.stream == .stderr }) { problems.append("stderr used in a pod") }
        if log.ranges(of: SummaryMarker.text).count != 1 { problems.append("the marker is not alone") }
        if Controller.hasGoldenBlock(log) { problems.append("a golden marker") }
        if let long = lines.first(where: { $0.text.utf8.count > RunnerLog.maxLineBytes }) {
            problems.append("a line of \(long.text.utf8.count) bytes")
        }
        return problems
    }

    /// The notebook's 10 000-character line is cut in the log with a note of how much, and kept
    /// whole in the output notebook; the spoofed markers are neutralised.
    @Test func longLinesAreCutInTheLogOnly() async throws {
        let run = try await RuntimeLog.run(Paths.notebook("braces.ipynb"), environment: ["NBRUNNER_LOG_STREAM": "stdout"])
        defer { try? Nbrunner.removeTree(run.directory) }
        let cut = try #require(run.lines.first { $0.text.hasPrefix("{xxxx") })
        #expect(cut.text.utf8.count <= RunnerLog.maxLineBytes)
        #expect(cut.text.hasSuffix("bytes cut]"), "\(cut.text.suffix(80))")
        let notebook = try String(decoding: Data(contentsOf: URL(filePath: "\(run.directory)/output.ipynb")), as: UTF8.self)
        #expect(notebook.contains("{" + String(repeating: "x", count: 10000) + "}"))
        #expect(run.text.contains("Results-Summary:"))
        #expect(run.text.contains("Golden-Notebook Summary: {"))
    }

    /// 400 cells that each print an `Error:` line of 10 KB, then SIGTERM in the last one: the
    /// five lines the controller joins into `status.message` stay far under its 32 KiB, and the
    /// block still parses.
    @Test func errorLinesStayShortAfterSigtermAt400Cells() async throws {
        let run = try await RuntimeLog.run(
            Paths.notebook("many-errors-sleep.ipynb"), ["--save-every", "1h"],
            environment: ["KUBERNETES_SERVICE_HOST": "10.96.0.1"],
            signal: (trigger: "last cell sleeping", signal: .terminate))
        defer { try? Nbrunner.removeTree(run.directory) }
        #expect(run.exitCode == 143)
        let message = Controller.extractError(run.text)
        // The controller prefixes the pod's reason and the termination message (≤ 4096 bytes).
        #expect(message.utf8.count + 4096 + 200 < 32768, "\(message.utf8.count) bytes")
        #expect(run.lines.allSatisfy { $0.text.utf8.count <= RunnerLog.maxLineBytes })
        let result = try Controller.parseResults(run.text)
        #expect(result.exit_code == 143 && result.cells.count == 400)
        // The result file keeps what the block cut.
        let file = try ResultJSON.decoder().decode(RunResult.self, from: Data(contentsOf: URL(filePath: "\(run.directory)/result.json")))
        #expect(file.cells.count == 400)
    }
}
