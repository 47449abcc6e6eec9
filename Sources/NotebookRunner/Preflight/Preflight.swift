/// Everything checked before any kernel starts, cheapest first, each failure with its own
/// category and exit code. ``checkInputs(_:mode:dryRun:)`` runs before the environment is set up:
/// 1. the notebook (exit 2, `invalid_notebook`), its kernel name (exit 2) and the `--golden`
///    notebook (exit 2);
/// 2. parameter files and YAML strings (exit 2, `configuration_error`), and `--cwd`;
/// 3. the output, result and `--junit` folders, by a real write (exit 3, `environment_setup_failed`).
/// ``checkRuntime(_:kernel:environment:report:workingDirectory:log:mode:install:)`` runs in the
/// child's final environment (HOME decides jupyter's paths):
/// 4. the interpreter, papermill and the kernel (exit 3, `dependency_missing`).
///
/// Both return what they found, failures included (``Findings``): a run stops at the first
/// failure, `nbrunner doctor` goes on and lists them all.
package enum Preflight {
    /// - Parameter dryRun: doctor's check: probe the output folders without creating them.
    package static func checkInputs(_ c: RunConfiguration, mode: Findings.Mode = .stopAtFirst, dryRun: Bool = false) -> InputCheck {
        var check = InputCheck(findings: Findings(mode))
        // 1. The notebook.
        if let source = check.findings.run({ () throws(RunFailure) in try NotebookReader.readSource(c.notebook) }) {
            check.source = source
            if let kernel = c.kernel ?? source.metadata.kernelspec?.name.flatMap({ $0.isEmpty ? nil : $0 }) {
                check.kernelName = kernel
            } else if check.findings.add(
                RunFailure(.configurationError, "\(c.notebook): the notebook has no metadata.kernelspec.name; pass -k/--kernel NAME (e.g. -k python3)"))
            {
                return check
            }
        } else if check.findings.stopped {
            return check
        }
        if let golden = c.golden {
            check.golden = check.findings.run { () throws(RunFailure) in try NotebookReader.readGolden(golden.path) }
            if check.findings.stopped { return check }
        }

        // 2. Parameters and working directory.
        var keys = c.parameters.count + c.rawParameters.count
        for file in c.parameterFiles {
            keys += check.findings.run { () throws(RunFailure) in try YAMLParameters.checkFile(file) } ?? 0
            if check.findings.stopped { return check }
        }
        for (i, yaml) in c.parameterYAML.enumerated() {
            keys += check.findings.run { () throws(RunFailure) in try YAMLParameters.check(Array(yaml.utf8), origin: "-y #\(i + 1)") } ?? 0
            if check.findings.stopped { return check }
        }
        check.injectsParameters = keys > 0
        if !FileSystem.isDirectory(c.cwd), check.findings.add(RunFailure(.configurationError, "--cwd \(c.cwd): not a directory")) {
            return check
        }

        // 3. Where the results go.
        for (flag, path) in [("--output", c.output), ("--result", c.result)] + (c.junit.map { [("--junit", $0)] } ?? [])
        where FileSystem.isDirectory(path) {
            if check.findings.add(RunFailure(.configurationError, "\(flag) \(path) is a directory; give a file path")) { return check }
        }
        for (what, path) in [("output notebook", c.output), ("result", c.result)] + (c.junit.map { [("JUnit report", $0)] } ?? []) {
            if let failure = outputFolderProblem(what, directory: FileSystem.parent(path), dryRun: dryRun), check.findings.add(failure) {
                return check
            }
        }
        return check
    }

    static func outputFolderProblem(_ what: String, directory: String, dryRun: Bool) -> RunFailure? {
        // A dry run (doctor) creates no folder; an existing one gets the run's own probe.
        if dryRun, !FileSystem.isDirectory(directory) {
            guard EnvironmentSetup.writable(directory) else {
                return RunFailure(
                    .environmentSetupFailed,
                    "cannot write the \(what) in \(directory): \(EnvironmentSetup.reason(directory)); \(WritableProbe.remedy(for: directory))")
            }
            return nil
        }
        do throws(WritableProbe.Failure) {
            if dryRun { try WritableProbe.probe(directory: directory) } else { try WritableProbe.check(directory: directory) }
            return nil
        } catch {
            switch error {
            case .cannotCreateDirectory(let dir, let reason):
                return RunFailure(
                    .environmentSetupFailed, "cannot create the \(what) folder \(dir): \(reason); create it writable for group 0 or mount an emptyDir there")
            case .notWritable(let dir, let reason):
                return RunFailure(.environmentSetupFailed, "cannot write the \(what) in \(dir): \(reason); \(WritableProbe.remedy(for: dir))")
            }
        }
    }

    /// - Parameters:
    ///   - kernel: the kernel name from the input check; nil when that check could not tell
    ///     (doctor: the interpreter and papermill are still checked).
    ///   - report: the environment stage's report; an install adds PYTHONUSERBASE to it.
    ///   - install: a run installs papermill under `--allow-install`; doctor (false) only says
    ///     it would, and skips the kernel the install would bring.
    package static func checkRuntime(
        _ c: RunConfiguration, kernel: String?, environment: [String: String], report: EnvironmentReport,
        workingDirectory: String, log: RunnerLog, mode: Findings.Mode = .stopAtFirst, install: Bool = true
    ) async -> RuntimeCheck {
        await checkRuntime(
            python: c.python, allowInstall: c.allowInstall, kernel: kernel, environment: environment, report: report,
            workingDirectory: workingDirectory, log: log, mode: mode, install: install)
    }

    /// The same check, for doctor without a notebook (no configuration).
    package static func checkRuntime(
        python explicit: String?, allowInstall: Bool, kernel: String?, environment: [String: String], report: EnvironmentReport,
        workingDirectory: String, log: RunnerLog, mode: Findings.Mode = .stopAtFirst, install: Bool = true
    ) async -> RuntimeCheck {
        var check = RuntimeCheck(environment: environment, environmentReport: report, findings: Findings(mode))
        // 4. Python, papermill, the kernel.
        guard let python = check.findings.run({ () throws(RunFailure) in try PythonLocator.locate(explicit: explicit, environment: environment) })
        else { return check }
        check.python = python
        var pythonFacts: PythonFacts
        do throws(RunFailure) {
            pythonFacts = try await PythonProbe.run(python: python, environment: environment, workingDirectory: workingDirectory)
        } catch {
            check.findings.add(error)
            return check
        }
        check.facts = pythonFacts
        var found = PapermillLocator.find(in: pythonFacts.path)
        let addsIpykernel = kernel.map { PapermillLocator.installWouldAddIpykernel(facts: pythonFacts, kernel: $0) } ?? false
        if found == nil, allowInstall {
            guard install else {
                check.wouldInstall = true
                return addsIpykernel ? check : checkKernel(kernel, facts: pythonFacts, check: check)
            }
            do throws(RunFailure) {
                let userBase = try RuntimeInstaller.userBase(environment: check.environment, report: check.environmentReport, log: log)
                check.environment = userBase.environment
                check.environmentReport = userBase.report
                let installed = try await RuntimeInstaller.install(
                    python: python, withIpykernel: addsIpykernel, userBase: userBase, workingDirectory: workingDirectory, log: log)
                pythonFacts = installed.facts
                check.facts = pythonFacts
                found = installed.papermill
                check.installedAtRuntime = true
            } catch {
                check.findings.add(error)
                return check
            }
        }
        if let papermill = found {
            check.papermill = papermill
        } else if check.findings.add(RunFailure(.dependencyMissing, PapermillLocator.missingMessage(pythonFacts))) {
            return check
        }
        check = checkKernel(kernel, facts: pythonFacts, check: check)
        if check.findings.failures.isEmpty, let papermill = check.papermill, let kernel {
            log.info(
                "python \(pythonFacts.version) (\(pythonFacts.executable)), papermill \(papermill.version ?? "of unknown version") (\(papermill.location)), kernel \(kernel)"
            )
        }
        return check
    }

    static func checkKernel(_ kernel: String?, facts pythonFacts: PythonFacts, check: RuntimeCheck) -> RuntimeCheck {
        guard let kernel else { return check }
        var check = check
        let environment = check.environment
        switch KernelLocator.resolve(kernel, facts: pythonFacts, environment: environment) {
        case .spec(let directory):
            if let problem = KernelLocator.launchProblem(spec: directory, environment: environment) {
                check.findings.add(RunFailure(.dependencyMissing, "kernel '\(kernel)' cannot start: \(problem)"))
            }
        case .native:
            break
        case .missing(let available):
            let names = available.isEmpty ? "none" : available.joined(separator: ", ")
            var message = "kernel '\(kernel)' not found for \(pythonFacts.executable); available kernels: \(names)"
            if let problem = pythonFacts.jupyterError { message += " (jupyter paths: \(TextClip.clip(problem, maxBytes: 200)))" }
            check.findings.add(RunFailure(.dependencyMissing, message))
        }
        return check
    }
}
