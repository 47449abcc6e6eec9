import FoundationEssentials
import NotebookRunner
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// No process of the run outlives nbrunner when it is not PID 1 (under tini, run by hand, CI):
/// nbrunner runs under `subreaper.py`, a child subreaper that reaps orphans but never ends them
/// (as `tini -s`), which reports what is left of the run once nbrunner has gone.
@Suite(.timeLimit(.minutes(3)))
struct LeftoverProcessTests {
    static let wrapper = [Paths.python, Paths.fixture("subreaper.py")]

    /// `[subreaper] survivors N after S s: …` → (N, S).
    func survivors(_ run: Finished) throws -> (count: Int, seconds: Double) {
        let line = try #require(run.stderr.split(separator: "\n").last { $0.hasPrefix("[subreaper] survivors ") })
        let words = line.split(separator: " ")
        return (try #require(Int(words[2])), try #require(Double(words[4])))
    }

    /// A detached daemon that ignores SIGTERM and forks all the time (a new pid and session every
    /// few milliseconds): one /proc walk misses it; the cleanup repeats until none is left.
    @Test func aForkingDaemonDoesNotOutliveTheRun() async throws {
        let run = SignalledRun()
        let finished = try await run.run(Paths.notebook("forking-daemon.ipynb"), prefix: Self.wrapper)
        #expect(finished.exitCode == 0, "\(finished.stderr.suffix(3000))")
        try finished.checkContract()
        #expect(finished.stderr.contains("\ndaemon started\n"))
        #expect(
            finished.stderr.contains("[nbrunner] ended ") || finished.stderr.contains("papermill has exited; ended "),
            "the cleanup did not log the daemon: \(finished.stderr.suffix(2000))")
        let left = try survivors(finished)
        #expect(left.count == 0 && left.seconds < 0.5, "\(finished.stderr.suffix(1000))")
        #expect(run.survivors().isEmpty, "\(run.survivors())")
    }

    /// `kill -9` of nbrunner while a cell runs: papermill, the kernel, its child and the orphan it
    /// left in its session are gone within a few seconds.
    @Test func killMinus9LeavesNothingBehind() async throws {
        let run = SignalledRun()
        let finished = try await run.run(
            Paths.notebook("busy-tree.ipynb"), prefix: Self.wrapper,
            trigger: "\nsleeping\n", signals: [(.userDefinedOne, .milliseconds(500))])
        #expect(finished.stderr.contains("\ntree started\n"), "\(finished.stderr.suffix(3000))")
        #expect(finished.exitCode == 128 + SIGKILL)
        #expect(!finished.stdout.contains("Results Summary:"), "nbrunner was killed before its result")
        let left = try survivors(finished)
        #expect(left.count == 0, "processes of the run outlived nbrunner: \(finished.stderr.suffix(1500))")
        #expect(left.seconds < 5, "the run's processes took \(left.seconds) s to go")
        #expect(run.survivors().isEmpty, "\(run.survivors())")
    }
}
