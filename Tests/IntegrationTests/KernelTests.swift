import FoundationEssentials
import NotebookRunner
import Testing

/// The kernel is resolved before any kernel starts, the way jupyter_client resolves it.
@Suite struct KernelTests {
    @Test func unknownKernelExitsThreeNamingTheKernelsThatExist() async throws {
        let run = try await Nbrunner.run(Paths.notebook("unknown-kernel.ipynb"))
        #expect(run.exitCode == 3)
        let result = try run.checkContract()
        #expect(result.errorCategory == .dependencyMissing)
        #expect(result.error.contains("'nosuchkernel'"))
        #expect(result.error.contains("python3"))
        #expect(result.papermill?.returnCode == nil, "papermill must not have run")
        #expect(!FileSystem.exists(run.outputPath))
    }

    @Test func noKernelspecWithoutKernelFlagIsAConfigurationError() async throws {
        let run = try await Nbrunner.run(Paths.notebook("no-kernelspec.ipynb"))
        #expect(run.exitCode == 2)
        let result = try run.checkContract()
        #expect(result.errorCategory == .configurationError)
        #expect(result.error.contains("-k"))
    }

    @Test func noKernelspecWithKernelFlagRuns() async throws {
        let run = try await Nbrunner.run(Paths.notebook("no-kernelspec.ipynb"), ["-k", "python3"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        try run.checkContract()
        #expect(run.stderr.contains("ran with -k"))
    }

    /// Ask jupyter_client itself: the names nbrunner offers are the ones KernelSpecManager finds.
    @Test func availableKernelsMatchJupyterClient() async throws {
        let extra = temporaryDirectory()
        for (name, json) in [("MyKernel", true), ("other-kernel", true), ("nojson", false)] {
            let dir = "\(extra)/kernels/\(name)"
            try WritableProbe.check(directory: dir)
            if json {
                try Data(#"{"argv": ["python3", "-m", "ipykernel_launcher", "-f", "{connection_file}"], "display_name": "x", "language": "python"}"#.utf8)
                    .write(to: URL(filePath: "\(dir)/kernel.json"))
            }
        }
        let env = ["JUPYTER_PATH": extra]
        let fromJupyter = try await Nbrunner.python(
            "from jupyter_client.kernelspec import KernelSpecManager as K; print(', '.join(sorted(K().find_kernel_specs())))",
            environment: env)
        let run = try await Nbrunner.run(Paths.notebook("unknown-kernel.ipynb"), environment: env)
        #expect(run.exitCode == 3)
        let result = try run.checkContract()
        #expect(result.error.contains("available kernels: \(fromJupyter)"), "jupyter_client: \(fromJupyter); nbrunner: \(result.error)")
        // And a kernel found there, in another case, resolves.
        let ok = try await Nbrunner.run(Paths.notebook("no-kernelspec.ipynb"), ["-k", "mykernel"], environment: env)
        #expect(ok.exitCode == 0, "\(ok.stderr)")
    }
}
