import FoundationEssentials
import NotebookRunner
import Testing

/// Bad input fails fast with exit 2, a one-line error naming the file/line/flag, and a valid result.
@Suite struct InputErrorTests {
    @Test func malformedNotebookNamesLineAndColumn() async throws {
        let run = try await Nbrunner.run(Paths.notebook("malformed.ipynb"))
        #expect(run.exitCode == 2)
        let result = try run.checkContract()
        #expect(result.errorCategory == .invalidNotebook)
        #expect(result.error.contains("malformed.ipynb:3:1:"), "\(result.error)")
        #expect(result.statistics.codeCells == 0 && result.statistics.successRate == 0, "a failure claims no success")
    }

    /// Valid JSON whose cell `source` is a number: nbformat's schema rejects it and papermill
    /// would crash on it (a TypeError, exit 1); nbrunner refuses it first.
    @Test func aSourceThatIsNotTextIsAnInvalidNotebook() async throws {
        let path = "\(temporaryDirectory())/bad-source.ipynb"
        let json =
            #"{"nbformat": 4, "nbformat_minor": 5, "metadata": {"kernelspec": {"name": "python3", "display_name": "p", "language": "python"}}, "cells": [{"cell_type": "code", "id": "a", "metadata": {}, "outputs": [], "execution_count": null, "source": "x = 1"}, {"cell_type": "code", "id": "b", "metadata": {}, "outputs": [], "execution_count": null, "source": 5}]}"#
        try Data(json.utf8).write(to: URL(filePath: path))
        let run = try await Nbrunner.run(path)
        #expect(run.exitCode == 2, "\(run.stderr.suffix(1000))")
        let result = try run.checkContract()
        #expect(result.errorCategory == .invalidNotebook)
        #expect(result.error.contains("cell 1: 'source' must be a string or a list of strings"), "\(result.error)")
        let nbformat = try await Nbrunner.python(
            "import nbformat\ntry:\n    nbformat.validate(nbformat.read('\(path)', 4))\n    print('valid')\nexcept Exception as e:\n    print('invalid', type(e).__name__)"
        )
        #expect(nbformat.hasPrefix("invalid"), "nbformat agrees: \(nbformat)")
    }

    @Test func missingNotebook() async throws {
        let run = try await Nbrunner.run(Paths.notebook("does-not-exist.ipynb"))
        #expect(run.exitCode == 2)
        let result = try run.checkContract()
        #expect(result.errorCategory == .invalidNotebook)
        #expect(result.error.contains("not found"))
    }

    @Test func badParameterFileFailsBeforeAnyKernelStarts() async throws {
        let run = try await Nbrunner.run(Paths.notebook("params.ipynb"), ["-f", Paths.fixture("bad-params.yaml")])
        #expect(run.exitCode == 2)
        let result = try run.checkContract()
        #expect(result.errorCategory == .configurationError)
        #expect(result.error.hasPrefix("\(Paths.fixture("bad-params.yaml")):3:2: "), "\(result.error)")
        #expect(result.papermill == nil && result.python == nil, "nothing past the parameter check ran")
        #expect(!FileSystem.exists(run.outputPath))
    }

    @Test func unknownFlagIsAUsageErrorWithAResult() async throws {
        let dir = temporaryDirectory()
        let run = try await Nbrunner.raw(
            [
                "run", Paths.notebook("error.ipynb"), "--no-such-flag",
                "--result", "\(dir)/r.json", "--termination-log", "\(dir)/t",
            ], directory: dir)
        #expect(run.exitCode == 2)
        let summary = try run.summary()
        #expect(summary.errorCategory == .configurationError)
        #expect(summary.error.contains("--no-such-flag"))
        #expect(summary.statistics.successRate == 0, "a usage failure claims no success")
        let termination = try String(contentsOfFile: "\(dir)/t", encoding: .utf8)
        #expect(termination.contains(#""success_rate":0"#), "\(termination)")
        #expect(run.stdout.hasPrefix("Results Summary:\n"))
        // The --result and --termination-log it was given still count.
        let file = try ResultJSON.decoder().decode(RunResult.self, from: Data(contentsOf: URL(filePath: "\(dir)/r.json")))
        #expect(file.errorCategory == .configurationError)
        #expect(FileSystem.exists("\(dir)/t"))
    }

    @Test func badDurationNamesTheFlag() async throws {
        let run = try await Nbrunner.run(Paths.notebook("error.ipynb"), ["--start-timeout", "soon"])
        #expect(run.exitCode == 2)
        let summary = try run.summary()
        #expect(summary.error.contains("--start-timeout"))
    }

    @Test func aByteOrderMarkIsRefusedBeforeAnyKernel() async throws {
        let dir = temporaryDirectory()
        let notebook = "\(dir)/bom.ipynb"
        try Data([0xEF, 0xBB, 0xBF] + Array(try Data(contentsOf: URL(filePath: Paths.notebook("sysexit0.ipynb")))))
            .write(to: URL(filePath: notebook))
        let run = try await Nbrunner.run(notebook)
        #expect(run.exitCode == 2)
        let result = try run.checkContract()
        #expect(result.errorCategory == .invalidNotebook)
        #expect(result.papermill == nil, "refused in preflight, as papermill would")
    }

    @Test func theTerminationLogCannotOverwriteTheNotebookOrTheResult() async throws {
        let dir = temporaryDirectory()
        let notebook = "\(dir)/n.ipynb"
        let original = try Data(contentsOf: URL(filePath: Paths.notebook("sysexit0.ipynb")))
        try original.write(to: URL(filePath: notebook))
        let run = try await Nbrunner.raw(
            [
                "run", notebook, "--python", Paths.python, "--termination-log", notebook,
                "--result", "\(dir)/r.json",
            ], directory: dir)
        #expect(run.exitCode == 2)
        #expect(try Data(contentsOf: URL(filePath: notebook)) == original)
        #expect(try run.summary().error.contains("--termination-log"))
    }

    @Test func missingInterpreterIsAnEnvironmentFailure() async throws {
        let run = try await Nbrunner.run(Paths.notebook("error.ipynb"), ["--python", "/nonexistent/python3"], python: nil)
        #expect(run.exitCode == 3)
        let result = try run.checkContract()
        #expect(result.errorCategory == .dependencyMissing)
    }
}
