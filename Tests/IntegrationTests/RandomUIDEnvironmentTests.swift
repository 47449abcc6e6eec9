import NotebookRunner
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// OpenShift's restricted-v2: a random UID, GID 0, no passwd entry, and a HOME that is unset,
/// `/` or someone else's. nbrunner makes the run work and says what it changed; doctor says
/// the same beforehand.
@Suite(.enabled(if: RandomUID.available, "needs root to switch UID"), .timeLimit(.minutes(2)))
struct RandomUIDEnvironmentTests {
    func check(home: String?) async throws {
        let uid = try RandomUID(notebook: Paths.notebook("env-report.ipynb"))
        let scratch = RandomUID.writableFolder()
        var env = ["NBRUNNER_SCRATCH": scratch]
        if let home { env["HOME"] = home }
        let run = try await uid.run(environment: env)
        #expect(run.exitCode == 0, "\(run.stderr.suffix(3000))")
        let result = try run.checkContract()
        let decision = try #require(result.environment?.location("HOME"))
        #expect(decision.decision == .redirected)
        #expect(decision.path == "\(scratch)/.home")
        #expect(decision.from == home)
        #expect(result.environment?.uid == 1_000_920_000 && result.environment?.passwdEntry == false)
        #expect(result.sandbox?.active == true, "the filter loads without privileges")
        // What the kernel really got.
        #expect(run.stderr.contains("HOME=\(scratch)/.home"))
        #expect(run.stderr.contains("HOME-WRITE=ok"))
        #expect(run.stderr.contains("USER=user-1000920000"))
        #expect(run.stderr.contains("IPYTHONDIR=\(scratch)/.home/.ipython"))
        #expect(run.stderr.contains("environment: HOME redirected from \(home ?? "unset") to \(scratch)/.home"))

        let doctor = try await uid.doctor(environment: env)
        #expect(doctor.exitCode == 0, "\(doctor.stdout)\(doctor.stderr)")
        #expect(doctor.stdout.contains("passwd entry: none"))
        #expect(doctor.stdout.contains("HOME would be redirected from \(home ?? "unset") to \(scratch)/.home"))
    }

    @Test func homeUnset() async throws { try await check(home: nil) }
    @Test func homeIsRoot() async throws { try await check(home: "/") }
    @Test func homeIsSomeoneElses() async throws { try await check(home: "/root") }

    @Test func writableUserSetLocationIsKept() async throws {
        let uid = try RandomUID(notebook: Paths.notebook("env-report.ipynb"))
        let mpl = RandomUID.writableFolder()
        let home = RandomUID.writableFolder()
        let run = try await uid.run(environment: ["HOME": home, "MPLCONFIGDIR": mpl])
        #expect(run.exitCode == 0, "\(run.stderr.suffix(3000))")
        let result = try run.checkContract()
        #expect(result.environment?.location("MPLCONFIGDIR")?.decision == .kept)
        #expect(result.environment?.location("HOME")?.decision == .kept)
        #expect(run.stderr.contains("MPLCONFIGDIR=\(mpl)"))
        #expect(run.stderr.contains("HOME=\(home)"))
        let doctor = try await uid.doctor(environment: ["HOME": home, "MPLCONFIGDIR": mpl])
        #expect(doctor.stdout.contains("MPLCONFIGDIR=\(mpl) (set, writable: kept)"))
    }

    @Test func unwritableOutputFolderFailsBeforeTheKernelAndDoctorSaysSo() async throws {
        let uid = try RandomUID(notebook: Paths.notebook("env-report.ipynb"))
        let locked = temporaryDirectory()  // 0777 by default in these tests: lock it
        chmod(locked, 0o755)
        let run = try await uid.run(["--output", "\(locked)/out.ipynb"])
        #expect(run.exitCode == 3)
        let result = try run.checkContract()
        #expect(result.errorCategory == .environmentSetupFailed)
        #expect(result.papermill == nil)
        let doctor = try await uid.doctor([uid.notebook, "--output", "\(locked)/out.ipynb"])
        #expect(doctor.exitCode == 3, "\(doctor.stdout)")
        #expect(doctor.stdout.contains("Verdict: a run would fail with exit 3 (environment_setup_failed)"))
    }

    /// No writable HOME anywhere (read-only /tmp, no other scratch): exit 3 before any kernel.
    @Test func noWritableHomeStopsBeforeTheKernel() async throws {
        let uid = try RandomUID(notebook: Paths.notebook("env-report.ipynb"))
        let out = "/var/tmp/nbrunner-it-\(UInt32.random(in: 0...UInt32.max))"
        try WritableProbe.check(directory: out)
        chmod(out, 0o777)
        let readOnlyTmp = [
            "/usr/bin/unshare", "-m", "--propagation", "private", "/bin/sh", "-c",
            "mount --bind /tmp /tmp && mount -o remount,bind,ro /tmp && exec \"$0\" \"$@\"",
        ]
        let run = try await Nbrunner.raw(
            [
                "run", uid.notebook, "--output", "\(out)/output.ipynb", "--result", "\(out)/result.json",
                "--termination-log", "\(out)/termination-log", "--python", Paths.python,
            ],
            environment: ["PATH": "/usr/bin:/bin", "HOME": "/proc/no-home"], replaceEnvironment: true,
            directory: out, binary: uid.binary, prefix: readOnlyTmp + uid.prefix)
        #expect(run.exitCode == 3, "\(run.stderr.suffix(2000))")
        let result = try run.checkContract()
        #expect(result.errorCategory == .environmentSetupFailed)
        #expect(result.error.hasPrefix("no writable HOME"))
        #expect(result.papermill == nil)
    }

    /// doctor never publishes a run result, even for bad options.
    /// An interpreter behind a folder this UID may not search is unreachable, not missing.
    @Test func anUnreachableInterpreterSaysWhy() async throws {
        let uid = try RandomUID(notebook: Paths.notebook("env-report.ipynb"))
        let hidden = temporaryDirectory()
        chmod(hidden, 0o700)  // owned by root: the random UID cannot search it
        let link = "\(hidden)/python"
        symlink(Paths.python, link)
        let doctor = try await uid.doctor(python: link)
        #expect(doctor.exitCode == 3)
        #expect(doctor.stdout.contains("--python \(link): Permission denied (uid 1000920000 cannot reach it)"), "\(doctor.stdout)")
    }

    @Test func doctorUsageErrorsWriteNothing() async throws {
        let dir = temporaryDirectory()
        for arguments in [["doctor", "--bogus"], ["doctor", "-p", "x"], ["doctor", "--timeout", "soon", "n.ipynb"]] {
            let run = try await Nbrunner.raw(arguments, environment: ["NBRUNNER_RESULT": "\(dir)/result.json"], directory: dir)
            #expect(run.exitCode == 2, "\(arguments)")
            #expect(!run.stdout.contains("Results Summary:") && !run.stderr.contains("Results Summary:"), "\(arguments)")
            #expect(!FileSystem.exists("\(dir)/result.json"), "\(arguments)")
        }
    }
}
