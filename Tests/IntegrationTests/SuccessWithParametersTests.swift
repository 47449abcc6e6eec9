import NotebookRunner
import Testing

/// A notebook runs with parameters injected as papermill would (-p typed, -r raw, -f, -y).
@Suite struct SuccessWithParametersTests {
    @Test func commandLineParameters() async throws {
        let run = try await Nbrunner.run(Paths.notebook("params.ipynb"), ["-p", "a", "42", "-r", "b", "raw", "-p", "c", "None", "-p", "d", "-5"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        let result = try run.checkContract()
        #expect(result.errorCategory == .none)
        #expect(result.error == "None")
        #expect(run.stderr.contains("a=42 b='raw' c=None d=-5"))
        #expect(result.cells.map(\.cellIndex) == [0, 1, 2], "the injected cell must not shift indices")
        #expect(result.cells.compactMap(\.status) == [.succeeded, .succeeded])
        #expect(result.statistics.successRate == 100)
        #expect(run.stderr.contains("[nbrunner] cell 2/2 (cell_index 2) started"))
        let version = try await Nbrunner.python("import importlib.metadata as m; print(m.version('papermill'))")
        #expect(result.papermill?.version == version)
        #expect(result.papermill?.returnCode == 0)
        #expect(result.kernelName == "python3")
    }

    @Test func parameterFileAndYAML() async throws {
        let run = try await Nbrunner.run(Paths.notebook("params.ipynb"), ["-f", Paths.fixture("params.yaml"), "-y", "c: [1, 2]"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        try run.checkContract()
        #expect(run.stderr.contains("a=42 b='from-file' c=[1, 2] d=0.5"))
    }

    @Test func withoutTheParameterTheAssertionFails() async throws {
        // The same notebook without -p fails: the test above could fail.
        let run = try await Nbrunner.run(Paths.notebook("params.ipynb"))
        #expect(run.exitCode == 1)
        let result = try run.checkContract()
        #expect(result.failedCell?.ename == "AssertionError")
    }
}
