import FoundationEssentials
import NotebookRunner
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A cell that prints a lot on a busy CPU: the kernel has replied long before papermill has
/// drained the output. papermill's own 4 s `iopub_timeout` failed such a cell with "Timeout
/// waiting for IOPub output"; nbrunner's launcher gives the drain 600 s. Run under a real CPU
/// quota of a quarter of a core: cgroup v2 `cpu.max` "25000 100000", or where the cpu controller
/// is on cgroup v1 (this test machine), `cpu.cfs_quota_us` 25000 per 100000.
@Suite(.timeLimit(.minutes(5)))
struct OutputBacklogTests {
    /// A new cgroup with the quota, and the file that moves a process into it; nil when neither
    /// hierarchy can be written (not root, read-only /sys/fs/cgroup).
    static func quotaCgroup() -> (dir: String, procs: String)? {
        guard getuid() == 0 else { return nil }
        let name = "nbrunner-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let v2 = "/sys/fs/cgroup"
        if let controllers = try? Data(contentsOf: URL(filePath: "\(v2)/cgroup.subtree_control")),
            String(decoding: controllers, as: UTF8.self).split(separator: " ").contains(where: { $0.hasPrefix("cpu") }),
            mkdir("\(v2)/\(name)", 0o755) == 0
        {
            if write("25000 100000", to: "\(v2)/\(name)/cpu.max") { return ("\(v2)/\(name)", "\(v2)/\(name)/cgroup.procs") }
            rmdir("\(v2)/\(name)")
        }
        let v1 = "/sys/fs/cgroup/cpu"
        if mkdir("\(v1)/\(name)", 0o755) == 0 {
            if write("100000", to: "\(v1)/\(name)/cpu.cfs_period_us"), write("25000", to: "\(v1)/\(name)/cpu.cfs_quota_us") {
                return ("\(v1)/\(name)", "\(v1)/\(name)/cgroup.procs")
            }
            rmdir("\(v1)/\(name)")
        }
        return nil
    }

    static func write(_ text: String, to path: String) -> Bool {
        (try? Data(text.utf8).write(to: URL(filePath: path))) != nil
    }

    @Test(.enabled(if: getuid() == 0, "needs root to create a cgroup"))
    func heavyOutputUnderACPUQuotaPasses() async throws {
        let cgroup = try #require(Self.quotaCgroup(), "no writable cgroup cpu controller here")
        defer { rmdir(cgroup.dir) }
        let run = try await SignalledRun().run(
            Paths.notebook("heavy-output.ipynb"),
            prefix: ["/bin/sh", "-c", "echo $$ > \(cgroup.procs) && exec \"$@\"", "sh"])
        #expect(run.exitCode == 0, "\(run.stderr.suffix(2000))")
        #expect(!run.stderr.contains("Timeout waiting for IOPub output"))
        #expect(run.stderr.contains("\nprinted-all\n") && run.stderr.contains("\nafter\n"))
        let result = try run.summary()
        #expect(result.errorCategory == .none)
        // Every line is in the output notebook (nbformat writes one output line per JSON line).
        let notebook = try Data(contentsOf: URL(filePath: run.outputPath))
        let quoteX = Array("\"xxxx".utf8)
        let lines = notebook.split(separator: 0x0A).filter { $0.drop { $0 == 0x20 }.starts(with: quoteX) }.count
        #expect(lines == 50_000)
    }
}
