import FoundationEssentials
import NotebookRunner
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Hostile or broken input never crashes nbrunner, never passes, never hangs: each gets its
/// documented exit code, a one-line error and a result (issue 16).
@Suite struct HostileInputTests {
    static func notebook(
        nbformat: String = "4", metadata: String = #"{"kernelspec": {"name": "python3", "display_name": "p", "language": "python"}}"#,
        cell: String = #"{"cell_type": "code", "id": "a", "metadata": {}, "outputs": [], "execution_count": null, "source": "print(1)"}"#
    ) -> String {
        #"{"nbformat": \#(nbformat), "nbformat_minor": 5, "metadata": \#(metadata), "cells": [\#(cell)]}"#
    }

    func write(_ text: String, _ name: String = "nb.ipynb") throws -> String {
        let path = "\(temporaryDirectory())/\(name)"
        try Data(text.utf8).write(to: URL(filePath: path))
        return path
    }

    @Test(arguments: ["--grace", "--timeout", "--cell-timeout", "--start-timeout", "--save-every", "--secrets-wait"])
    func aHugeDurationIsAConfigurationError(flag: String) async throws {
        for value in ["3000000000000h", "5000000000000h", String(repeating: "9", count: 400) + "s"] {
            let run = try await Nbrunner.run(Paths.notebook("sysexit0.ipynb"), [flag, value])
            #expect(run.exitCode == 2, "\(flag) \(value.prefix(20)): \(run.stderr.suffix(1000))")
            let result = try run.checkContract()
            #expect(result.errorCategory == .configurationError)
            #expect(result.error.contains(flag) && result.error.contains("at most 87600h"), "\(result.error)")
        }
    }

    @Test func aHugeDurationInTheEnvironmentIsAConfigurationError() async throws {
        let run = try await Nbrunner.run(Paths.notebook("sysexit0.ipynb"), environment: ["NBRUNNER_TIMEOUT": "5000000000000h"])
        #expect(run.exitCode == 2)
        #expect(try run.checkContract().error.contains("NBRUNNER_TIMEOUT"))
    }

    /// A cluster of short flags that holds an `h` was read as `-h`: help and exit 0, which a
    /// controller reads as a pass.
    @Test(arguments: [["run", "-dash nb.ipynb"], ["run", "-dash"], ["-dash"], ["run", "-xh"]])
    func aDashNameIsNotAHelpRequest(arguments: [String]) async throws {
        let dir = temporaryDirectory()
        let run = try await Nbrunner.raw(arguments + ["--result", "\(dir)/r.json", "--termination-log", "\(dir)/t"], directory: dir)
        #expect(run.exitCode == 2, "\(arguments): \(run.stdout.prefix(300))")
        let summary = try run.summary()
        #expect(summary.errorCategory == .configurationError)
        #expect(summary.error.contains("after --"), "\(summary.error)")
        #expect(!run.stdout.contains("OVERVIEW"))
    }

    @Test func explicitHelpIsStillHelp() async throws {
        for arguments in [["run", "--help"], ["run", "-h"], ["--help"], ["--version"], ["--generate-completion-script", "bash"]] {
            let run = try await Nbrunner.raw(arguments)
            #expect(run.exitCode == 0, "\(arguments)")
            #expect(!run.stdout.hasPrefix("Results Summary:") && !run.stdout.contains("\"exit_code\""))
        }
    }

    @Test func aNegativeTerminationBudgetSaysWhatIsWrong() async throws {
        let run = try await Nbrunner.run(Paths.notebook("sysexit0.ipynb"), ["--termination-budget", "-5"])
        #expect(run.exitCode == 2)
        let summary = try run.summary()
        #expect(summary.error.contains("--termination-budget: at least 128 bytes, got -5"), "\(summary.error)")
    }

    /// `-p` without its value fails before the options are read: --result and
    /// --termination-log from the command line still count.
    @Test func aParameterWithoutItsValueStillWritesTheResultFile() async throws {
        let run = try await Nbrunner.run(Paths.notebook("sysexit0.ipynb"), ["-p", "alpha"])
        #expect(run.exitCode == 2)
        let result = try run.resultFile()
        #expect(result.errorCategory == .configurationError)
        #expect(result.error.contains("-p needs two values"), "\(result.error)")
        #expect(FileManager.default.fileExists(atPath: run.terminationPath))
    }

    /// A usage failure's termination message keeps NBRUNNER_TERMINATION_BUDGET like a run's.
    @Test func aUsageFailureKeepsTheBudgetFromTheEnvironment() async throws {
        let long = "--" + String(repeating: "no-such-option-", count: 40)
        let run = try await Nbrunner.run(
            Paths.notebook("sysexit0.ipynb"), [long], environment: ["NBRUNNER_TERMINATION_BUDGET": "200"])
        #expect(run.exitCode == 2)
        let (bytes, message) = try run.termination()
        #expect(bytes <= 200, "\(bytes) bytes")
        #expect(message.errorCategory == "configuration_error")
    }

    /// Each of these makes papermill 2.7 fail (AttributeError, TypeError, AssertionError) after
    /// nbrunner started it; now refused before any kernel, as nbformat would.
    @Test(arguments: [
        (
            "null source",
            HostileInputTests.notebook(cell: #"{"cell_type": "code", "id": "a", "metadata": {}, "outputs": [], "execution_count": null, "source": null}"#),
            "cell 0: 'source'"
        ),
        (
            "cell metadata a list",
            HostileInputTests.notebook(cell: #"{"cell_type": "code", "id": "a", "metadata": [], "outputs": [], "execution_count": null, "source": "1"}"#),
            "cell 0: 'metadata' must be an object"
        ),
        (
            "metadata.papermill a string",
            HostileInputTests.notebook(metadata: #"{"kernelspec": {"name": "python3", "display_name": "p", "language": "python"}, "papermill": "x"}"#),
            "metadata.papermill must be an object"
        ),
        ("nbformat 4.0", HostileInputTests.notebook(nbformat: "4.0"), "'nbformat' must be a JSON integer, not 4.0"),
        (
            "tags null",
            HostileInputTests.notebook(
                cell: #"{"cell_type": "code", "id": "a", "metadata": {"tags": null}, "outputs": [], "execution_count": null, "source": "1"}"#),
            "metadata.tags must be a list"
        ),
        (
            "outputs null",
            HostileInputTests.notebook(cell: #"{"cell_type": "code", "id": "a", "metadata": {}, "outputs": null, "execution_count": null, "source": "1"}"#),
            "'outputs' must be a list"
        ),
    ])
    func anInvalidNotebookIsRefusedBeforeAnyKernel(name: String, json: String, message: String) async throws {
        let path = try write(json)
        let run = try await Nbrunner.run(path)
        #expect(run.exitCode == 2, "\(name): \(run.stderr.suffix(1500))")
        let result = try run.checkContract()
        #expect(result.errorCategory == .invalidNotebook, "\(name)")
        #expect(result.error.contains(message), "\(name): \(result.error)")
        #expect(result.papermill == nil && result.python == nil, "\(name): refused before the runtime check")
        // And papermill itself cannot run it: the rule is papermill's, not nbrunner's taste.
        let papermill = try await Nbrunner.python(
            """
            import papermill, nbformat
            try:
                nb = papermill.iorw.load_notebook_node('\(path)')
                papermill.execute.prepare_notebook_metadata(nb, 'in', 'out')
                [('parameters' in c.metadata.tags, c.source.strip()) for c in nb.cells]
                print('accepted')
            except Exception as e:
                print('refused', type(e).__name__)
            """)
        #expect(papermill.hasPrefix("refused"), "\(name): papermill \(papermill)")
    }

    @Test func aFIFOOrADeviceAsAnInputIsAClearErrorWithoutWaiting() async throws {
        let dir = temporaryDirectory()
        let fifo = "\(dir)/fifo.ipynb"
        #expect(mkfifo(fifo, 0o666) == 0)
        let cases: [(notebook: String, extra: [String], expected: String)] = [
            (fifo, [], "\(fifo): is a FIFO, not a notebook file"),
            ("/dev/zero", [], "/dev/zero: is a character device, not a notebook file"),
            (Paths.notebook("sysexit0.ipynb"), ["--golden", "/dev/zero"], "--golden: /dev/zero: is a character device, not a notebook file"),
            (Paths.notebook("sysexit0.ipynb"), ["--golden", fifo], "--golden: \(fifo): is a FIFO, not a notebook file"),
            (Paths.notebook("params.ipynb"), ["-f", fifo], "\(fifo): the parameters file is a FIFO, not a regular file"),
        ]
        for (notebook, extra, expected) in cases {
            let run = try await Nbrunner.run(notebook, extra)
            #expect(run.exitCode == 2, "\(expected)")
            let result = try run.checkContract()
            #expect(result.error == expected)
            #expect(!result.error.contains("CocoaError") && !result.error.contains("not found"))
        }
    }

    @Test func aNULInAnEnvFileIsExit4WithItsPosition() async throws {
        let dir = temporaryDirectory()
        try Data("A=1\nT=\"abcd\0efgh\"\n".utf8).write(to: URL(filePath: "\(dir)/env"))
        try Data(#"{"A": "x", "T": "ab\u0000cd"}"#.utf8).write(to: URL(filePath: "\(dir)/json"))
        try Data([0x54, 0x3D, 0x61, 0xFF, 0x62, 0x0A]).write(to: URL(filePath: "\(dir)/latin1"))
        try Data("{\"T\": \"a\",\n \"T\": \"b\"}".utf8).write(to: URL(filePath: "\(dir)/dup"))
        for (file, expected) in [
            ("env", "env:2:8: a NUL byte"), ("json", "json:1:12: the value of T holds a NUL character"),
            ("latin1", "latin1:1:4: not valid UTF-8"), ("dup", "dup:2:2: the JSON object gives the key T twice"),
        ] {
            let run = try await Nbrunner.run(Paths.notebook("sysexit0.ipynb"), ["--env-file", "\(dir)/\(file)"])
            #expect(run.exitCode == 4, "\(file): \(run.stderr.suffix(1000))")
            let result = try run.checkContract()
            #expect(result.errorCategory == .secretsUnavailable)
            #expect(result.error.hasPrefix("\(dir)/\(expected)"), "\(result.error)")
            #expect(!result.error.contains("efgh") && !result.error.contains("abcd"))
        }
    }

    @Test func anExplicitSecretsFolderRefusesLinksToNothingAndFIFOs() async throws {
        for kind in ["dangling", "loop", "fifo"] {
            let dir = temporaryDirectory()
            try Data("export A=1\n".utf8).write(to: URL(filePath: "\(dir)/a"))
            switch kind {
            case "dangling": #expect(symlink("/nonexistent/x", "\(dir)/b") == 0)
            case "loop": #expect(symlink("\(dir)/b", "\(dir)/b") == 0)
            default: #expect(mkfifo("\(dir)/b", 0o600) == 0)
            }
            let run = try await Nbrunner.run(Paths.notebook("sysexit0.ipynb"), ["--secrets-dir", dir])
            #expect(run.exitCode == 4, "\(kind): \(run.stderr.suffix(1000))")
            let result = try run.checkContract()
            #expect(result.error.hasPrefix("\(dir)/b: "), "\(result.error)")
        }
    }
}
