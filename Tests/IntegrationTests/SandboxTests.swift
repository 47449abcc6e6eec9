import FoundationEssentials
import NotebookRunner
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `--sandbox`: the seccomp filter nbrunner loads before it starts papermill. A notebook's
/// cells call denied system calls through ctypes and print what they got (papermill's
/// --log-output streams those lines to stderr).
@Suite(.timeLimit(.minutes(2)))
struct SandboxTests {
    static let isX86 = {
        var u = utsname()
        uname(&u)
        return withUnsafeBytes(of: &u.machine) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) } == "x86_64"
    }()

    static let probes: Set = [
        "ptrace", "unshare", "clone-newuser", "clone3", "mount", "io_uring",
        "personality-query", "personality-aslr-off", "personality-exec-high",
    ]

    /// io_uring without the filter: only where the kernel allows it (`kernel.io_uring_disabled` 0).
    static let ioUringAllowed =
        (try? Data(contentsOf: URL(filePath: "/proc/sys/kernel/io_uring_disabled")))
        .map { String(decoding: $0, as: UTF8.self).trimmedLine == "0" } ?? false

    func outcomes(_ run: Finished) -> [String: String] {
        var found: [String: String] = [:]
        for line in run.stderr.split(separator: "\n") {
            let words = line.split(separator: " ")
            if words.count == 2, Self.probes.contains(String(words[0])) {
                found[String(words[0])] = String(words[1])
            }
        }
        return found
    }

    @Test(.enabled(if: isX86, "the notebook uses x86_64 system call numbers"))
    func deniedCallsFailWithEPERMByDefault() async throws {
        let run = try await Nbrunner.run(Paths.notebook("sandbox-escape.ipynb"))
        #expect(run.exitCode == 0, "\(run.stderr.suffix(2000))")
        #expect(
            outcomes(run) == [
                "ptrace": "EPERM", "unshare": "EPERM", "clone-newuser": "EPERM", "clone3": "ENOSYS", "mount": "EPERM",
                "io_uring": "EPERM", "personality-query": "ok",
                "personality-aslr-off": "EPERM", "personality-exec-high": "EPERM",
            ])
        let result = try run.checkContract()
        #expect(result.sandbox?.mode == .on)
        #expect(result.sandbox?.active == true)
        #expect(result.sandbox?.deniedSyscalls?.contains("ptrace") == true)
        #expect(run.stderr.contains("sandbox: seccomp filter active"))
    }

    /// The same calls without the filter get the kernel's own answers: the EPERMs above are the
    /// filter's doing.
    @Test(.enabled(if: isX86, "the notebook uses x86_64 system call numbers"))
    func offLeavesTheCallsAlone() async throws {
        let run = try await Nbrunner.run(Paths.notebook("sandbox-escape.ipynb"), ["--sandbox", "off"])
        #expect(run.exitCode == 0, "\(run.stderr.suffix(2000))")
        let seen = outcomes(run)
        #expect(seen.count == Self.probes.count)
        #expect(seen.filter { $0.key != "io_uring" }.values.allSatisfy { $0 != "EPERM" }, "\(seen)")
        #expect(seen["clone3"] != "ENOSYS")
        #expect(seen["personality-aslr-off"] == "ok" && seen["personality-exec-high"] == "ok")
        if Self.ioUringAllowed { #expect(seen["io_uring"] == "ok") }
        let result = try run.checkContract()
        #expect(result.sandbox?.mode == .off && result.sandbox?.active == false)
    }

    @Test func anOrdinaryNotebookStillPasses() async throws {
        let run = try await Nbrunner.run(Paths.notebook("ordinary-work.ipynb"), environment: ["NBRUNNER_SANDBOX": "require"])
        #expect(run.exitCode == 0, "\(run.stderr.suffix(3000))")
        let result = try run.checkContract()
        #expect(result.sandbox?.mode == .require && result.sandbox?.active == true)
        for expected in ["1.5", "25", "from-subprocess", "from-thread"] {
            #expect(run.stderr.contains("\n\(expected)\n"), "missing output \(expected)")
        }
    }

    /// A kernel that cannot load the filter, for real: `without_seccomp.py` makes seccomp() and
    /// prctl(PR_SET_SECCOMP) fail before it execs nbrunner.
    @Test(.enabled(if: isX86, "without_seccomp.py is x86_64 only"), arguments: ["on", "require"])
    func aKernelThatCannotLoadTheFilter(mode: String) async throws {
        let dir = temporaryDirectory()
        let run = try await Nbrunner.raw(
            [
                "run", Paths.notebook("sysexit0.ipynb"), "--output", "\(dir)/output.ipynb", "--result", "\(dir)/result.json",
                "--termination-log", "\(dir)/termination-log", "--python", Paths.python, "--sandbox", mode,
            ],
            directory: dir, prefix: [Paths.python, Paths.fixture("without_seccomp.py")])
        let result = try run.checkContract()
        #expect(result.sandbox?.active == false)
        #expect(result.sandbox?.reason?.isEmpty == false)
        if mode == "on" {
            #expect(run.exitCode == 0, "\(run.stderr.suffix(2000))")
            #expect(run.stderr.contains("warning: sandbox: could not load the seccomp filter"))
        } else {
            #expect(run.exitCode == 3)
            #expect(result.errorCategory == .environmentSetupFailed)
            #expect(result.error.hasPrefix("--sandbox require: could not load the seccomp filter"))
            #expect(result.papermill?.returnCode == nil, "nothing ran")
        }
    }

    /// doctor tells beforehand, without loading anything, and gives run's verdict.
    @Test(.enabled(if: isX86, "without_seccomp.py is x86_64 only"))
    func doctorSaysWhetherTheFilterWouldLoad() async throws {
        let here = try await Nbrunner.raw(["doctor", "--python", Paths.python, "--sandbox", "require"])
        #expect(here.stdout.contains("ok sandbox require: a run would load the seccomp filter"), "\(here.stdout)")
        let blocked = try await Nbrunner.raw(
            ["doctor", "--python", Paths.python, "--sandbox", "require"],
            prefix: [Paths.python, Paths.fixture("without_seccomp.py")])
        #expect(blocked.exitCode == 3, "\(blocked.stdout)")
        #expect(blocked.stdout.contains("!! sandbox require: the seccomp filter would not load"))
        let lenient = try await Nbrunner.raw(
            ["doctor", "--python", Paths.python],
            prefix: [Paths.python, Paths.fixture("without_seccomp.py")])
        #expect(lenient.stdout.contains("a run warns and continues without it"))
    }
}
