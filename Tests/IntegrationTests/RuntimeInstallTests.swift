import NotebookRunner
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `--allow-install`: success only when pip exits 0 AND papermill is then importable. Run as a
/// random UID against a Python without papermill, installing from a local wheel cache.
@Suite(.enabled(if: RandomUID.available, "needs root to switch UID"), .timeLimit(.minutes(3)))
struct RuntimeInstallTests {
    var offline: [String: String] { ["PIP_NO_INDEX": "1", "PIP_FIND_LINKS": Paths.wheels] }

    @Test func installsIntoAnEmptyUserSite() async throws {
        let uid = try RandomUID(notebook: Paths.notebook("env-report.ipynb"))
        var env = offline
        env["NBRUNNER_SCRATCH"] = RandomUID.writableFolder()
        let doctor = try await uid.doctor(environment: env, python: Paths.barePython)
        #expect(doctor.exitCode == 3, "without --allow-install papermill is missing: \(doctor.stdout)")
        let doctorInstall = try await uid.doctor([uid.notebook, "--allow-install"], environment: env, python: Paths.barePython)
        #expect(doctorInstall.exitCode == 0, "a run would install papermill and ipykernel: \(doctorInstall.stdout)")
        let run = try await uid.run(["--allow-install"], environment: env, python: Paths.barePython)
        #expect(run.exitCode == 0, "\(run.stderr.suffix(3000))")
        let result = try run.checkContract()
        #expect(result.papermill?.version == "2.7.0")
        let base = try #require(result.environment?.location("PYTHONUSERBASE"))
        #expect(base.decision == .redirected && base.path == "\(env["NBRUNNER_SCRATCH"]!)/.local")
    }

    /// A writable PYTHONUSERBASE is kept, so the environment does not change; the launcher that
    /// started before the install (and could not import papermill) must still be replaced.
    @Test func installIntoAKeptUserBaseRunsTheRealLauncher() async throws {
        let uid = try RandomUID(notebook: Paths.notebook("env-report.ipynb"))
        var env = offline
        let base = RandomUID.writableFolder()
        env["NBRUNNER_SCRATCH"] = RandomUID.writableFolder()
        env["PYTHONUSERBASE"] = base
        let run = try await uid.run(["--allow-install"], environment: env, python: Paths.barePython)
        #expect(run.exitCode == 0, "\(run.stderr.suffix(3000))")
        let result = try run.checkContract()
        #expect(result.environment?.location("PYTHONUSERBASE")?.decision == .kept)
        #expect(!run.stderr.contains(PapermillLauncher.marker), "the launcher imported papermill: \(run.stderr.suffix(3000))")
    }

    /// pip exits 0, but the user site is invisible to the interpreter: not a success.
    @Test func pipSuccessWithoutAnImportIsAFailure() async throws {
        let uid = try RandomUID(notebook: Paths.notebook("env-report.ipynb"))
        var env = offline
        env["NBRUNNER_SCRATCH"] = RandomUID.writableFolder()
        env["PYTHONNOUSERSITE"] = "1"
        let run = try await uid.run(["--allow-install"], environment: env, python: Paths.barePython)
        #expect(run.exitCode == 3, "\(run.stderr.suffix(3000))")
        let result = try run.checkContract()
        #expect(result.errorCategory == .dependencyInstallFailed)
        #expect(result.error.contains("pip exited 0 but papermill is still not importable"))
    }

    @Test func pipRefusalIsAFailureWithItsReason() async throws {
        let uid = try RandomUID(notebook: Paths.notebook("env-report.ipynb"))
        var env = offline
        env["NBRUNNER_SCRATCH"] = RandomUID.writableFolder()
        let run = try await uid.run(["--allow-install"], environment: env, python: Paths.noSitePython)
        #expect(run.exitCode == 3, "\(run.stderr.suffix(3000))")
        let result = try run.checkContract()
        #expect(result.errorCategory == .dependencyInstallFailed)
        #expect(result.error.contains("pip install failed (exit"))
        #expect(run.stderr.contains("pip: "), "the last pip lines are in the log")
    }

    /// No writable user site anywhere (PYTHONUSERBASE unwritable, no scratch folder: /tmp is
    /// read-only in a private mount namespace): exit 3, never a false success.
    @Test func noWritableUserSiteIsAFailure() async throws {
        let uid = try RandomUID(notebook: Paths.notebook("env-report.ipynb"))
        let out = "/var/tmp/nbrunner-it-\(UInt32.random(in: 0...UInt32.max))"
        try WritableProbe.check(directory: out)
        chmod(out, 0o777)
        defer { _ = try? Nbrunner.removeTree(out) }
        let readOnlyTmp = [
            "/usr/bin/unshare", "-m", "--propagation", "private", "/bin/sh", "-c",
            "mount --bind /tmp /tmp && mount -o remount,bind,ro /tmp && exec \"$0\" \"$@\"",
        ]
        var env = offline
        env["PATH"] = "/usr/bin:/bin"
        env["PYTHONUSERBASE"] = "/proc/no-user-site"
        try WritableProbe.check(directory: "\(out)/home")
        chmod("\(out)/home", 0o777)
        env["HOME"] = "\(out)/home"  // a writable HOME outside /tmp: only the user site is missing
        let run = try await Nbrunner.raw(
            [
                "run", uid.notebook, "--output", "\(out)/output.ipynb", "--result", "\(out)/result.json",
                "--termination-log", "\(out)/termination-log", "--python", Paths.barePython, "--allow-install",
            ],
            environment: env, replaceEnvironment: true, directory: out, binary: uid.binary,
            prefix: readOnlyTmp + uid.prefix)
        #expect(run.exitCode == 3, "\(run.stderr.suffix(3000))")
        let result = try run.checkContract()
        #expect(result.errorCategory == .dependencyInstallFailed)
        #expect(result.error.contains("no writable PYTHONUSERBASE"))
        #expect(result.environment?.scratch == nil)
        #expect(result.environment?.location("HOME")?.decision == .kept)
    }
}
