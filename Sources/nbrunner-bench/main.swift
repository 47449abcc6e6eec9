// nbrunner-bench: measurements for scripts/benchmark.py, never shipped in images.
//   nbrunner-bench extract SOURCE EXECUTED
// times what `nbrunner run` does once papermill has exited (read the executed notebook as a run
// with the default validation policy reads it, classify, assemble and encode the result) and
// prints {"seconds", "peak_rss_kb", "cells"}.
import FoundationEssentials
import NotebookRunner

#if canImport(Glibc)
    import Glibc
#endif

func peakRSSKilobytes() -> Int {
    let status = (try? Data(contentsOf: URL(filePath: "/proc/self/status"))).map { String(decoding: $0, as: UTF8.self) } ?? ""
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }
    return 0
}

let arguments = CommandLine.arguments
guard arguments.count == 4, arguments[1] == "extract" else {
    FileOutput.stderr("usage: nbrunner-bench extract SOURCE EXECUTED\n")
    exit(2)
}
let source: NotebookDocument
do throws(RunFailure) { source = try NotebookReader.readSource(arguments[2]) } catch {
    FileOutput.stderr("\(error.message)\n")
    exit(2)
}
let clock = ContinuousClock()
let start = clock.now
let outcome = OutcomeClassifier.classify(
    source: source, executed: NotebookReader.readExecuted(arguments[3], mode: .executed(policy: .standard, golden: false)),
    observation: PapermillObservation(ending: .exited(0)), outputPath: arguments[3])
let result = ResultAssembler.assemble(
    category: outcome.category, message: outcome.message, cells: outcome.cells, failedCell: outcome.failedCell,
    configuration: nil, notebookPath: arguments[2], record: RunRecord(), timing: .init(started: .now, finished: .now))
let bytes = (try? ResultJSON.encode(result)) ?? []
let elapsed = clock.now - start
let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
FileOutput.stdout(
    "{\"seconds\": \(seconds), \"peak_rss_kb\": \(peakRSSKilobytes()), \"cells\": \(result.cells.count), \"result_bytes\": \(bytes.count), \"category\": \"\(result.errorCategory.rawValue)\"}\n"
)
