/// Everything checked before any kernel starts, cheapest first, each failure with its own
/// category and exit code. ``checkInputs`` runs before the environment is set up:
/// 1. the notebook (exit 2, `invalid_notebook`), its kernel name (exit 2) and the `--golden`
///    notebook (exit 2);
/// 2. parameter files and YAML strings (exit 2, `configuration_error`), and `--cwd`;
/// 3. the output, result and `--junit` folders, by a real write (exit 3, `environment_setup_failed`).
/// ``checkRuntime`` runs in the child's final environment (HOME decides jupyter's paths):
/// 4. the interpreter, papermill and the kernel (exit 3, `dependency_missing`).
public enum Preflight {
    /// - Parameter dryRun: doctor's check: probe the output folders without creating them.
    public static func checkInputs(_ c: RunConfiguration, facts: inout RunFacts, dryRun: Bool = false) throws(RunFailure) {
        // 1. The notebook.
        let source = try NotebookReader.readSource(c.notebook)
        facts.source = source
        let kernel = c.kernel ?? source.metadata.kernelspec?.name.flatMap { $0.isEmpty ? nil : $0 }
        guard let kernel else {
            throw RunFailure(.configurationError, "\(c.notebook): the notebook has no metadata.kernelspec.name; pass -k/--kernel NAME (e.g. -k python3)")
        }
        facts.kernelName = kernel
        if let golden = c.golden {
            facts.golden = try NotebookReader.readGolden(golden.path)
        }

        // 2. Parameters and working directory.
        var keys = c.parameters.count + c.rawParameters.count
        for file in c.parameterFiles { keys += try YAMLParameters.checkFile(file) }
        for (i, yaml) in c.parameterYAML.enumerated() {
            keys += try YAMLParameters.check(Array(yaml.utf8), origin: "-y #\(i + 1)")
        }
        facts.injectsParameters = keys > 0
        guard FileSystem.isDirectory(c.cwd) else {
            throw RunFailure(.configurationError, "--cwd \(c.cwd): not a directory")
        }

        // 3. Where the results go.
        for (flag, path) in [("--output", c.output), ("--result", c.result)] + (c.junit.map { [("--junit", $0)] } ?? [])
        where FileSystem.isDirectory(path) {
            throw RunFailure(.configurationError, "\(flag) \(path) is a directory; give a file path")
        }
        for (what, path) in [("output notebook", c.output), ("result", c.result)] + (c.junit.map { [("JUnit report", $0)] } ?? []) {
            let directory = FileSystem.parent(path)
            if dryRun {
                guard EnvironmentSetup.writable(directory) else {
                    throw RunFailure(
                        .environmentSetupFailed,
                        "cannot write the \(what) in \(directory): \(EnvironmentSetup.reason(directory)); \(WritableProbe.remedy(for: directory))")
                }
                continue
            }
            do throws(WritableProbe.Failure) {
                try WritableProbe.check(directory: directory)
            } catch {
                switch error {
                case .cannotCreateDirectory(let dir, let reason):
                    throw RunFailure(
                        .environmentSetupFailed, "cannot create the \(what) folder \(dir): \(reason); create it writable for group 0 or mount an emptyDir there"
                    )
                case .notWritable(let dir, let reason):
                    throw RunFailure(.environmentSetupFailed, "cannot write the \(what) in \(dir): \(reason); \(WritableProbe.remedy(for: dir))")
                }
            }
        }

    }

    public static func checkRuntime(
        _ c: RunConfiguration, environment: inout [String: String], workingDirectory: String,
        log: RunnerLog, facts: inout RunFacts
    ) async throws(RunFailure) {
        guard let kernel = facts.kernelName else {
            throw RunFailure(.internalError, "runtime check before the input check")
        }
        // 4. Python, papermill, the kernel.
        let python = try PythonLocator.locate(explicit: c.python, environment: environment)
        facts.python = python
        var pythonFacts = try await PythonProbe.run(python: python, environment: environment, workingDirectory: workingDirectory)
        facts.pythonFacts = pythonFacts
        var found = PapermillLocator.find(in: pythonFacts.path)
        if found == nil, c.allowInstall {
            let installed = try await RuntimeInstaller.install(
                python: python, withIpykernel: PapermillLocator.installWouldAddIpykernel(facts: pythonFacts, kernel: kernel),
                environment: &environment, report: &facts.environment, workingDirectory: workingDirectory, log: log)
            pythonFacts = installed.facts
            facts.pythonFacts = pythonFacts
            found = installed.papermill
            facts.installedAtRuntime = true
        }
        guard let papermill = found else {
            throw RunFailure(.dependencyMissing, PapermillLocator.missingMessage(pythonFacts))
        }
        facts.papermill = papermill
        switch KernelLocator.resolve(kernel, facts: pythonFacts, environment: environment) {
        case .spec(let directory):
            if let problem = KernelLocator.launchProblem(spec: directory, environment: environment) {
                throw RunFailure(.dependencyMissing, "kernel '\(kernel)' cannot start: \(problem)")
            }
        case .native:
            break
        case .missing(let available):
            let names = available.isEmpty ? "none" : available.joined(separator: ", ")
            var message = "kernel '\(kernel)' not found for \(pythonFacts.executable); available kernels: \(names)"
            if let problem = pythonFacts.jupyterError { message += " (jupyter paths: \(TextClip.clip(problem, maxBytes: 200)))" }
            throw RunFailure(.dependencyMissing, message)
        }
        log.info(
            "python \(pythonFacts.version) (\(pythonFacts.executable)), papermill \(papermill.version ?? "of unknown version") (\(papermill.location)), kernel \(kernel)"
        )
    }
}
