import NotebookRunner
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A cell daemonises grandchildren (the shell that started them exits). They are re-parented to
/// nbrunner, which reaps the one that exits (no zombie) and ends the one still running when the
/// run is over. The notebook itself checks the adoption and the reaping while it runs.
@Suite(.timeLimit(.minutes(2))) struct OrphanReapingTests {
    /// Run by hand or with `shareProcessNamespace`: nbrunner is a child subreaper.
    @Test func subreaperWhenNotPid1() async throws {
        let run = SignalledRun()
        let finished = try await run.run(Paths.notebook("orphan.ipynb"))
        #expect(finished.exitCode == 0, "\(finished.stderr)")
        try finished.checkContract()
        #expect(finished.stderr.contains("adopted by the runner"))
        // The still-running orphan was ended (after papermill's exit, or in the final sweep).
        #expect(finished.stderr.contains("[nbrunner] ended ") || finished.stderr.contains("papermill has exited; ended "))
        #expect(run.survivors().isEmpty, "\(run.survivors())")
    }

    /// As a container's ENTRYPOINT: PID 1 of its own PID namespace.
    @Test(.enabled(if: getuid() == 0, "needs root for unshare --pid"))
    func reapsAsPid1() async throws {
        let run = SignalledRun()
        let finished = try await run.run(
            Paths.notebook("orphan.ipynb"),
            prefix: ["/usr/bin/unshare", "--pid", "--fork", "--mount-proc"])
        #expect(finished.exitCode == 0, "\(finished.stdout)")
        // PID 1 is a container's: the log joins the block on stdout (one stream, in order).
        try finished.checkContract(logOnStdout: true)
        #expect(finished.stdout.contains("log: on stdout, before the result block (in a container: nbrunner is PID 1)"))
        #expect(finished.stdout.contains("adopted by the runner 1"))
        #expect(run.survivors().isEmpty, "\(run.survivors())")
    }
}
