import FoundationEssentials
import NotebookRunner
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A kernelspec whose program cannot start is an environment problem (exit 3) found in
/// preflight, not a notebook failure: checked against what jupyter_client itself does with the
/// same kernelspecs.
@Suite(.timeLimit(.minutes(2)))
struct KernelLaunchTests {
    /// JUPYTER_PATH with four kernelspecs: an absolute program that does not exist, a bare name
    /// not on PATH, a file that is not executable, and `python` (jupyter_client runs its own
    /// interpreter for that name).
    static func kernels() throws -> String {
        let root = temporaryDirectory()
        let notExecutable = "\(root)/not-executable"
        try Data("#!/bin/sh\n".utf8).write(to: URL(filePath: notExecutable))
        let specs = [
            "missing": "/nonexistent/python",
            "bare": "nbrunner-no-such-program",
            "noexec": notExecutable,
            "byname": "python",
        ]
        for (name, program) in specs {
            let dir = "\(root)/kernels/\(name)"
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
            let json = #"{"argv": ["\#(program)", "-m", "ipykernel_launcher", "-f", "{connection_file}"], "display_name": "\#(name)", "language": "python"}"#
            try Data(json.utf8).write(to: URL(filePath: "\(dir)/kernel.json"))
        }
        return root
    }

    @Test func aKernelThatCannotStartIsAMissingDependency() async throws {
        let path = try Self.kernels()
        for (name, words) in [("missing", "does not exist"), ("bare", "not on PATH"), ("noexec", "not executable")] {
            let run = try await Nbrunner.run(Paths.notebook("params.ipynb"), ["-k", name], environment: ["JUPYTER_PATH": path])
            #expect(run.exitCode == 3, "\(name): \(run.stderr.suffix(1500))")
            let result = try run.checkContract()
            #expect(result.errorCategory == .dependencyMissing)
            #expect(result.error.contains("kernel '\(name)' cannot start") && result.error.contains(words), "\(result.error)")
            #expect(!run.stderr.contains("Input Notebook:"), "papermill never started")
            // jupyter_client agrees: it cannot start this kernel either.
            let verdict = try await Nbrunner.python(
                """
                from jupyter_client.manager import KernelManager
                km = KernelManager(kernel_name='\(name)')
                try:
                    km.start_kernel()
                except (FileNotFoundError, PermissionError) as e:
                    print('refused', type(e).__name__)
                else:
                    km.shutdown_kernel(now=True)
                    print('started')
                """, environment: ["JUPYTER_PATH": path])
            #expect(verdict.hasPrefix("refused"), "\(name): jupyter_client says \(verdict)")
        }
    }

    @Test func aKernelNamedByItsInterpreterStarts() async throws {
        let run = try await Nbrunner.run(
            Paths.notebook("params.ipynb"), ["-k", "byname", "-p", "a", "42"],
            environment: ["JUPYTER_PATH": try Self.kernels()])
        #expect(run.exitCode == 0, "\(run.stderr.suffix(1500))")
    }
}
