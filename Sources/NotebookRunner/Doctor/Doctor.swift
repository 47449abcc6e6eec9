/// `nbrunner doctor`: answers the troubleshooting questions of the credentials guide and the
/// OpenShift deployment guide in one report, without running a notebook and without changing
/// anything (the environment plan is a dry run). Its verdict is the exit code `run` would use
/// for its preflight, 0 when a run would get past it.
public enum Doctor {
    /// The termination log: writable when it exists, else when its folder exists and is
    /// writable (a run creates the file, not folders).
    static func canWrite(_ path: String) -> Bool {
        if FileSystem.exists(path) { return FileSystem.isWritableFile(path) }
        let folder = FileSystem.parent(path)
        return FileSystem.isDirectory(folder) && EnvironmentSetup.writable(folder)
    }

    public static func examine(options: RunOptions, environment: [String: String], currentDirectory: String) async -> DoctorReport {
        var failure: RunFailure?
        func note(_ f: RunFailure) { if failure == nil { failure = f } }

        let identity = Identity.current()
        let plan = EnvironmentSetup(environment: environment, identity: identity, dryRun: true).plan()
        let childEnvironment = plan.environment
        let source = OptionSource(options: options, environment: environment)
        let allowInstall = (try? source.flag(.allowInstall)) ?? false

        // The run's configuration, when there is a notebook to check.
        var configuration: RunConfiguration?
        let hasNotebook = source.text(.notebook) != nil
        if hasNotebook {
            do throws(RunFailure) {
                configuration = try RunConfiguration(options: options, environment: environment, currentDirectory: currentDirectory)
            } catch { note(error) }
        }
        var facts = RunFacts()
        var notebook: DoctorReport.Notebook?
        if let c = configuration {
            do throws(RunFailure) {
                try Preflight.checkInputs(c, facts: &facts, dryRun: true)
            } catch { note(error) }
            notebook = .init(
                path: c.notebook, kernel: facts.kernelName,
                codeCells: facts.source?.cells.filter { $0.cellType == "code" }.count,
                output: c.output, result: c.result)
            // The run's scan of the code cells, and its verdict under the run's policy.
            let findings = facts.source.map(CredentialScan.scan) ?? []
            notebook?.hardcodedCredentials = findings.map(\.description)
            if !findings.isEmpty, c.validation.credentialsFail {
                note(
                    RunFailure(
                        .hardcodedCredentials,
                        "\(findings.count) hard-coded credential(s) in the notebook: "
                            + findings.prefix(10).map(\.description).joined(separator: "; ")))
            }
        }

        // The secrets a run would load: the configured folder (or the default) and --env-file.
        let configuredDirectory = configuration?.secretsDir ?? source.text(.secretsDir)
        let secretsDirectory =
            configuredDirectory.map { $0.isEmpty ? "" : FileSystem.absolute($0, relativeTo: currentDirectory) }
            ?? SecretsLoader.defaultDirectory
        let envFilePaths =
            configuration?.envFiles ?? source.values(.envFile).map { FileSystem.absolute($0, relativeTo: currentDirectory) }
        let envFiles = envFilePaths.map(SecretFilesPreview.preview(file:))
        // --secret-env and --secret-file: shown by name and path only.
        let secretEnv = configuration?.secretEnv ?? source.values(.secretEnv)
        let secretFiles =
            configuration?.secretFiles ?? source.values(.secretFile).map { FileSystem.absolute($0, relativeTo: currentDirectory) }
        // The run's own loader (without waiting), on a copy: the same failures as a run.
        var withSecrets = environment
        do throws(RunFailure) {
            var loader = SecretsLoader(
                envFiles: envFilePaths, secretsDirectory: configuredDirectory.map { $0.isEmpty ? "" : secretsDirectory },
                wait: nil, overrideEnvironment: configuration?.overrideEnvironment ?? true)
            loader.secretEnv = secretEnv
            loader.secretFiles = secretFiles
            _ = try await loader.load(into: &withSecrets, log: RunnerLog(fd: -1))
        } catch { note(error) }
        do throws(RunFailure) { try plan.report.requireHome() } catch { note(error) }

        // The sandbox a run would load (before its first process).
        var sandboxMode = configuration?.sandbox ?? .default
        if configuration == nil {
            do throws(RunFailure) {
                sandboxMode = try source.choice(.sandbox) ?? .default
            } catch { note(error) }
        }
        let sandbox = DoctorReport.Sandbox(mode: sandboxMode, unavailable: sandboxMode == .off ? nil : SeccompFilter.unavailableReason())
        if let reason = sandbox.unavailable {
            // The run's own rule and message, for the filter it would fail to load.
            do throws(RunFailure) {
                try Sandbox.requireActive(SandboxReport(mode: sandboxMode, active: false, reason: reason))
            } catch { note(error) }
        }

        // Python, papermill, kernels.
        var python = DoctorReport.Python(kernels: [])
        do throws(RunFailure) {
            let interpreter = try PythonLocator.locate(
                explicit: configuration?.python ?? source.text(.python),
                environment: childEnvironment)
            python.interpreter = interpreter
            let probe = try await PythonProbe.run(python: interpreter, environment: childEnvironment, workingDirectory: currentDirectory)
            python.executable = probe.executable
            python.version = probe.version
            python.ipykernel = probe.ipykernel
            python.kernels = KernelLocator.available(facts: probe, environment: childEnvironment).map { .init(name: $0.name, path: $0.path) }
            let papermill = PapermillLocator.find(in: probe.path)
            if let papermill {
                python.papermillVersion = papermill.version
                python.papermillLocation = papermill.location
            } else if allowInstall {
                python.problem = "papermill is not installed; a run would install \(RuntimeInstaller.papermillRequirement) (--allow-install)"
            } else {
                python.problem = PapermillLocator.missingMessage(probe)
                note(RunFailure(.dependencyMissing, python.problem!))
            }
            let installsKernel =
                papermill == nil && allowInstall
                && facts.kernelName.map { PapermillLocator.installWouldAddIpykernel(facts: probe, kernel: $0) } == true
            if let kernel = facts.kernelName, !installsKernel {
                switch KernelLocator.resolve(kernel, facts: probe, environment: childEnvironment) {
                case .missing(let available):
                    note(
                        RunFailure(
                            .dependencyMissing,
                            "kernel '\(kernel)' not found; available kernels: \(available.isEmpty ? "none" : available.joined(separator: ", "))"))
                case .spec(let directory):
                    if let problem = KernelLocator.launchProblem(spec: directory, environment: childEnvironment) {
                        note(RunFailure(.dependencyMissing, "kernel '\(kernel)' cannot start: \(problem)"))
                    }
                case .native:
                    break
                }
            }
        } catch {
            python.problem = error.message
            note(error)
        }

        let terminationPath =
            configuration?.terminationLog
            ?? (FileSystem.exists(RunConfiguration.defaultTerminationLog) ? RunConfiguration.defaultTerminationLog : nil)
        let verdict: DoctorReport.Verdict =
            failure.map {
                .init(exitCode: $0.category.exitCode, errorCategory: $0.category, message: $0.message)
            }
            ?? .init(
                exitCode: 0, errorCategory: .none,
                message: hasNotebook ? "a run would get past preflight" : "ready (no notebook given: notebook and kernel not checked)")
        return DoctorReport(
            verdict: verdict, runnerVersion: RunnerVersion.current, environment: plan.report, python: python,
            notebook: notebook, credentials: CredentialNames.summarise(environment, secretEnv: secretEnv, secretFiles: secretFiles),
            secrets: SecretFilesPreview.scan(secretsDirectory, strict: !(configuredDirectory ?? "").isEmpty), envFiles: envFiles, process: .current(),
            sandbox: sandbox,
            validation: .init(
                policy: configuration?.validation
                    ?? (try? PolicyResolver.resolve(level: options[.validationLevel], flags: options.validationFlags, environment: environment)),
                golden: configuration?.golden?.path, goldenStrategy: configuration?.golden?.strategy,
                junit: configuration?.junit),
            terminationLog: .init(path: terminationPath, writable: terminationPath.map(Self.canWrite) ?? false))
    }
}
