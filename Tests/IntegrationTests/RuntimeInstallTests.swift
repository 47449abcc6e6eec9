import Testing
import NotebookRunner

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
        let run = try await uid.run(["--allow-install"], environment: env, python: Paths.barePython)
        #expect(run.exitCode == 0, "\(run.stderr.suffix(3000))")
        let result = try run.checkContract()
        #expect(result.papermill?.version == "2.7.0")
        let base = try #require(result.environment?.location("PYTHONUSERBASE"))
        #expect(base.decision == .redirected && base.path == "\(env["NBRUNNER_SCRATCH"]!)/.local")
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
}
