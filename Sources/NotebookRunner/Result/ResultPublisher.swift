#if canImport(Glibc)
    import Glibc
#endif

/// Writes a result everywhere it goes, in this order: the result file (atomically), the JUnit
/// report (`--junit`, atomically), the termination message (all three through
/// ``SafeFileWriter``), then the `Results Summary:` block on stdout, last of all (``SummaryBlock``,
/// after ``SummaryOrder``). All of them are made from the result as given, which its maker has redacted (before
/// anything is encoded, so redaction cannot break the JSON or the termination budget).
package struct ResultPublisher: Sendable {
    package var resultPath: String?
    package var terminationLog: String?
    package var terminationBudget: Int
    package var log: RunnerLog
    package var junitPath: String?

    package init(
        resultPath: String?, terminationLog: String?, terminationBudget: Int, log: RunnerLog,
        junitPath: String? = nil
    ) {
        self.resultPath = resultPath
        self.terminationLog = terminationLog
        self.terminationBudget = terminationBudget
        self.log = log
        self.junitPath = junitPath
    }

    /// Publishes `result`, already redacted where it was made (``NotebookRun/execute()``), and
    /// returns the exit code to use.
    package func publish(_ result: RunResult) -> Int32 {
        var result = result
        let json: [UInt8]
        do {
            json = try ResultJSON.encode(result)
        } catch {
            // Cannot happen with these types; still never exit without a valid result.
            result.cells = []
            json = (try? ResultJSON.encode(result)) ?? Array("{\"status\":\"failed\",\"exit_code\":7}".utf8)
        }

        var written = resultPath
        if let resultPath {
            if let problem = SafeFileWriter.replace(resultPath, with: json + [0x0A]) {
                log.warning("could not write the result file \(resultPath): \(problem)")
                written = nil
            }
        }
        if let junitPath {
            if let problem = SafeFileWriter.replace(junitPath, with: Array(JUnitReport.render(result).utf8)) {
                log.warning("could not write the JUnit report \(junitPath): \(problem)")
            }
        }
        if let terminationLog {
            let message = TerminationMessage.render(result, budget: terminationBudget)
            if let problem = SafeFileWriter.writeInto(terminationLog, bytes: message) {
                log.warning("could not write the termination message to \(terminationLog): \(problem)")
            }
        }
        let summary =
            result.status == .succeeded
            ? "succeeded: \(result.statistics.succeededCells)/\(result.statistics.codeCells) code cells passed"
            : "failed (\(result.errorCategory.rawValue), exit \(result.exitCode)): \(TextClip.clip(result.error, maxBytes: 1000))"
        log.info("result: \(summary)" + (written.map { "; written to \($0)" } ?? "; printed below only"))
        let block =
            (try? SummaryBlock.render(result: result))
            ?? SummaryBlock.render(indentedJSON: json)  // cannot happen; the one-line JSON still parses
        SummaryOrder.waitForLogReader()
        try? FileOutput.writeAll(1, block)
        return result.exitCode
    }
}
