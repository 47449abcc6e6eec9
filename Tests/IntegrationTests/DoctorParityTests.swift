import FoundationEssentials
import NotebookRunner
import Testing

/// `nbrunner doctor` calls the run's own checks: for every way preflight can fail, it gives the
/// exit code the run exits with and says what the run's result says (real runs, real venvs).
@Suite struct DoctorParityTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var notebook: String
        var extra: [String] = []
        var python = Paths.python
        /// Files to write into the run's folder first (name → text); `$DIR` in `extra` is that folder.
        var files: [String: String] = [:]
        /// The exit code the run fails with (checked, so a case that stops failing is noticed).
        var exitCode: Int32
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "missing notebook", notebook: Paths.notebook("does-not-exist.ipynb"), exitCode: 2),
        Case(name: "malformed notebook", notebook: Paths.notebook("malformed.ipynb"), exitCode: 2),
        Case(name: "no kernelspec", notebook: Paths.notebook("no-kernelspec.ipynb"), exitCode: 2),
        Case(name: "missing golden", notebook: Paths.notebook("error.ipynb"), extra: ["--golden", "/nonexistent/golden.ipynb"], exitCode: 2),
        Case(name: "bad parameter file", notebook: Paths.notebook("params.ipynb"), extra: ["-f", Paths.fixture("bad-params.yaml")], exitCode: 2),
        Case(name: "cwd not a directory", notebook: Paths.notebook("error.ipynb"), extra: ["--cwd", Paths.notebook("error.ipynb")], exitCode: 2),
        Case(name: "bad option value", notebook: Paths.notebook("error.ipynb"), extra: ["--timeout", "soon"], exitCode: 2),
        Case(name: "unwritable output folder", notebook: Paths.notebook("error.ipynb"), extra: ["--output", "/proc/nbrunner-parity.ipynb"], exitCode: 3),
        Case(name: "missing env file", notebook: Paths.notebook("sysexit0.ipynb"), extra: ["--env-file", "/nonexistent/db"], exitCode: 4),
        Case(
            name: "invalid env file", notebook: Paths.notebook("sysexit0.ipynb"), extra: ["--env-file", "$DIR/bad.env"],
            files: ["bad.env": "this is not an env line\n"], exitCode: 4),
        Case(name: "missing secret file", notebook: Paths.notebook("sysexit0.ipynb"), extra: ["--secret-file", "/nonexistent/key"], exitCode: 4),
        Case(
            name: "hard-coded credentials", notebook: Paths.notebook("hardcoded-credentials.ipynb"), extra: ["--fail-on-hardcoded-credentials"],
            exitCode: 1),
        Case(name: "bad python", notebook: Paths.notebook("error.ipynb"), python: "/nonexistent/python3", exitCode: 3),
        Case(name: "no papermill", notebook: Paths.notebook("error.ipynb"), python: Paths.barePython, exitCode: 3),
        Case(name: "missing kernel", notebook: Paths.notebook("unknown-kernel.ipynb"), exitCode: 3),
        // Two problems: the run meets the secrets before the kernel, and so does doctor.
        Case(
            name: "invalid env file and missing kernel", notebook: Paths.notebook("unknown-kernel.ipynb"), extra: ["--env-file", "$DIR/bad.env"],
            files: ["bad.env": "this is not an env line\n"], exitCode: 4),
        // A secrets file that points Jupyter at a kernelspec that cannot start: the environment
        // is planned, and the kernel looked up, with what the secrets set, in both.
        Case(
            name: "kernel from a secrets file cannot start", notebook: Paths.notebook("error.ipynb"), extra: ["--env-file", "$DIR/paths.env"],
            files: [
                "paths.env": "JUPYTER_PATH=$DIR/jupyter\n",
                "jupyter/kernels/python3/kernel.json":
                    #"{"argv": ["/nonexistent/python", "-m", "ipykernel_launcher", "-f", "{connection_file}"], "display_name": "p", "language": "python"}"#,
            ], exitCode: 3),
    ]

    @Test(arguments: cases)
    func doctorGivesTheRunsExitCodeAndMessage(_ c: Case) async throws {
        let dir = temporaryDirectory()
        for (name, text) in c.files {
            let path = "\(dir)/\(name)"
            try WritableProbe.check(directory: FileSystem.parent(path))
            try Data(text.replacing("$DIR", with: dir).utf8).write(to: URL(filePath: path))
        }
        let extra = c.extra.map { $0.replacing("$DIR", with: dir) }
        let run = try await Nbrunner.run(c.notebook, extra, python: c.python)
        let result = try run.resultFile()
        #expect(run.exitCode == c.exitCode, "the fixture no longer fails as intended: \(result.error)")
        let doctor = try await Nbrunner.raw(
            ["doctor", c.notebook, "--output", "\(run.directory)/output.ipynb", "--result", "\(run.directory)/result.json", "--python", c.python]
                + extra, directory: run.directory)
        #expect(doctor.exitCode == run.exitCode, "\(doctor.stdout)\(doctor.stderr)")
        #expect(doctor.stdout.contains("Verdict: a run would fail with exit \(run.exitCode) (\(result.errorCategory.rawValue)): "))
        #expect(doctor.stdout.contains(result.error), "run: \(result.error)\ndoctor: \(doctor.stdout.suffix(600))")
    }

    /// Where a run stops at the first problem, doctor lists them all, in the run's order.
    @Test func doctorListsEveryProblemInTheRunsOrder() async throws {
        let dir = temporaryDirectory()
        try Data("this is not an env line\n".utf8).write(to: URL(filePath: "\(dir)/bad.env"))
        let doctor = try await Nbrunner.raw(
            ["doctor", Paths.notebook("unknown-kernel.ipynb"), "--python", Paths.python, "--env-file", "\(dir)/bad.env", "--json"], directory: dir)
        #expect(doctor.exitCode == 4, "\(doctor.stdout)\(doctor.stderr)")
        let report = try ResultJSON.decoder().decode(DoctorReport.self, from: Data(doctor.stdout.utf8))
        #expect(report.problems.map(\.errorCategory) == [.secretsUnavailable, .dependencyMissing], "\(report.problems)")
        #expect(report.problems.first == report.verdict)
        #expect(report.problems.last?.message.hasPrefix("kernel 'nosuchkernel' not found for ") == true)
        let text = try await Nbrunner.raw(
            ["doctor", Paths.notebook("unknown-kernel.ipynb"), "--python", Paths.python, "--env-file", "\(dir)/bad.env"], directory: dir)
        #expect(text.stdout.contains("Problems (in the order a run meets them; it stops at the first)\n  !! exit 4 (secrets_unavailable): "))
    }

    /// Without a notebook, doctor reads --allow-install's variable; a bad value is a run's
    /// exit 2, not silently "off".
    @Test func aBadAllowInstallWithoutANotebookIsAProblem() async throws {
        let doctor = try await Nbrunner.raw(["doctor", "--python", Paths.python], environment: ["NBRUNNER_ALLOW_INSTALL": "maybe"])
        #expect(doctor.exitCode == 2, "\(doctor.stdout)\(doctor.stderr)")
        #expect(doctor.stdout.contains("NBRUNNER_ALLOW_INSTALL: expected 1/true/yes or 0/false/no, got 'maybe'"), "\(doctor.stdout.suffix(400))")
    }
}
