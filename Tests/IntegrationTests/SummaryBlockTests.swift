import NotebookRunner
import Testing

/// A notebook that prints `Results Summary:` cannot fool the controller: the marker appears once,
/// in front of nbrunner's own result, which is the last thing in the log.
@Suite struct SummaryBlockTests {
    @Test func notebookOutputCannotForgeTheMarker() async throws {
        let run = try await Nbrunner.run(Paths.notebook("summary-marker.ipynb"))
        #expect(run.exitCode == 0, "\(run.stderr)")
        let result = try run.checkContract()
        #expect(result.errorCategory == .none)
        #expect(run.stderr.contains("Results-Summary:"))
        #expect(run.stderr.contains("Results-Summary: on stderr"))
    }
}
