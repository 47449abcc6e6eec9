import FoundationEssentials
import NotebookRunner
import Testing

/// A notebook left at the output path by an earlier run is never judged as this run's result,
/// even when papermill dies before writing its own.
@Suite struct StaleOutputTests {
    @Test func earlierOutputIsNotReadAsThisRunsResult() async throws {
        // A kernel papermill cannot inject parameters into: it fails before writing anything.
        let jupyter = temporaryDirectory()
        try WritableProbe.check(directory: "\(jupyter)/kernels/cobol")
        try Data(#"{"argv": ["false"], "display_name": "COBOL", "language": "cobol"}"#.utf8)
            .write(to: URL(filePath: "\(jupyter)/kernels/cobol/kernel.json"))

        // Plant a successful executed notebook where the next run writes its output.
        let succeeded = try await Nbrunner.run(Paths.notebook("sysexit0.ipynb"))
        #expect(succeeded.exitCode == 0)
        let dir = temporaryDirectory()
        try Data(contentsOf: URL(filePath: succeeded.outputPath)).write(to: URL(filePath: "\(dir)/output.ipynb"))
        // The same cells, in a notebook whose language papermill has no parameter translator for.
        let source = try String(decoding: Data(contentsOf: URL(filePath: Paths.notebook("sysexit0.ipynb"))), as: UTF8.self)
            .replacing("\"language\": \"python\"", with: "\"language\": \"cobol\"")
            .replacing("\"name\": \"python3\"", with: "\"name\": \"cobol\"")
        try Data(source.utf8).write(to: URL(filePath: "\(dir)/cobol.ipynb"))

        let run = try await Nbrunner.raw(
            [
                "run", "\(dir)/cobol.ipynb", "-p", "x", "1", "--python", Paths.python,
                "--output", "\(dir)/output.ipynb", "--result", "\(dir)/result.json", "--termination-log", "\(dir)/termination-log",
            ],
            environment: ["JUPYTER_PATH": jupyter], directory: dir)
        #expect(run.exitCode == 2, "\(run.stderr)")
        let result = try run.checkContract()
        #expect(result.errorCategory == .configurationError)
        #expect(result.cells.compactMap(\.status).allSatisfy { $0 == .skipped }, "cells must not come from the stale notebook")
    }
}
