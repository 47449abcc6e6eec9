/// `nbrunner doctor`: answers the troubleshooting questions of the credentials guide and the
/// OpenShift deployment guide in one report, without running a notebook and without changing
/// anything (the environment plan is a dry run). Its verdict is the exit code `run` would use
/// for its preflight, 0 when a run would get past it.
package enum Doctor {
    /// The termination log: writable when it exists, else when its folder exists and is
    /// writable (a run creates the file, not folders).
    static func canWrite(_ path: String) -> Bool {
        if FileSystem.exists(path) { return FileSystem.isWritableFile(path) }
        let folder = FileSystem.parent(path)
        return FileSystem.isDirectory(folder) && EnvironmentSetup.writable(folder)
    }

    package static func examine(options: RunOptions, environment: [String: String], currentDirectory: String) async -> DoctorReport {
        // Every problem, in the order a run meets them: the run's own checks, each told to go on
        // past a failure (``Findings/Mode/collectAll``); the first is the verdict.
        var problems: [RunFailure] = []
        func note(_ f: RunFailure) { problems.append(f) }
        let quiet = RunnerLog(fd: -1)

        let identity = Identity.current()
        let source = OptionSource(options: options, environment: environment)
        var allowInstall = false

        // The run's configuration, when there is a notebook to check.
        var configuration: RunConfiguration?
        let hasNotebook = source.text(.notebook) != nil
        if hasNotebook {
            do throws(RunFailure) {
                configuration = try RunConfiguration(options: options, environment: environment, currentDirectory: currentDirectory)
                allowInstall = configuration?.allowInstall ?? false
            } catch {
                note(error)
                allowInstall = (try? source.flag(.allowInstall)) ?? false
            }
        } else {
            // Without a notebook only the options doctor uses are read; a bad value of one of
            // them is still a problem (a run would stop at it, exit 2).
            do throws(RunFailure) { allowInstall = try source.flag(.allowInstall) } catch { note(error) }
        }
        // 1. The run's input check (probing the output folders without creating them).
        var inputs: InputCheck?
        var notebook: DoctorReport.Notebook?
        if let c = configuration {
            let check = Preflight.checkInputs(c, mode: .collectAll, dryRun: true)
            inputs = check
            check.findings.failures.forEach(note)
            notebook = .init(
                path: c.notebook, kernel: check.kernelName,
                codeCells: check.source?.cells.filter { $0.cellType == .code }.count,
                output: c.output, result: c.result)
        }

        // 2. The secrets a run would load: the configured folder (or the default) and --env-file.
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
        // The run's own loader (without waiting), in memory: the same failures as a run, and the
        // environment the run would plan (a secrets file may set HOME).
        var withSecrets = environment
        // The run's redactor: doctor's messages are redacted as the run's result is.
        var redactor = Redactor.none
        do throws(RunFailure) {
            var loader = SecretsLoader(
                envFiles: envFilePaths, secretsDirectory: configuredDirectory.map { $0.isEmpty ? "" : secretsDirectory },
                wait: nil, overrideEnvironment: configuration?.overrideEnvironment ?? true)
            loader.secretEnv = secretEnv
            loader.secretFiles = secretFiles
            let loaded = try await loader.load(environment, log: quiet)
            withSecrets = loaded.environment
            redactor = loaded.redactor
        } catch { note(error) }

        // 3. The run's scan of the code cells, and its verdict under the run's policy.
        if let c = configuration, let source = inputs?.source {
            let credentials = CredentialCheck(source, policy: c.validation)
            notebook?.hardcodedCredentials = credentials.findings.map(\.description)
            if !credentials.findings.isEmpty { redactor = redactor.adding(credentials.findings.map(\.value)) }
            credentials.failure.map(note)
        }

        // 4. The environment plan, after the secrets as in a run (decide, create nothing).
        let plan = EnvironmentSetup(environment: withSecrets, identity: identity, dryRun: true).plan()
        do throws(RunFailure) { try plan.report.requireHome() } catch { note(error) }

        // 5. The sandbox a run would load (before its first process).
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

        // 6. The run's runtime check: Python, papermill, the kernel (nothing installed).
        let runtime = await Preflight.checkRuntime(
            python: configuration?.python ?? source.text(.python),
            allowInstall: allowInstall, kernel: inputs?.kernelName, environment: plan.environment, report: plan.report,
            workingDirectory: currentDirectory, log: quiet, mode: .collectAll, install: false)
        runtime.findings.failures.forEach(note)
        var python = DoctorReport.Python(kernels: [])
        python.interpreter = runtime.python
        if let probe = runtime.facts {
            python.executable = probe.executable
            python.version = probe.version
            python.ipykernel = probe.ipykernel
            python.kernels = KernelLocator.available(facts: probe, environment: plan.environment).map { .init(name: $0.name, path: $0.path) }
            python.papermillVersion = runtime.papermill?.version
            python.papermillLocation = runtime.papermill?.location
            if runtime.wouldInstall {
                python.problem = "papermill is not installed; a run would install \(RuntimeInstaller.papermillRequirement) (--allow-install)"
            } else if runtime.papermill == nil {
                python.problem = PapermillLocator.missingMessage(probe)
            }
        } else {
            python.problem = runtime.findings.failures.first?.message
        }

        python.problem = redactor.redact(python.problem)
        python.interpreter = redactor.redact(python.interpreter)
        python.executable = redactor.redact(python.executable)
        python.kernels = python.kernels.map { .init(name: $0.name, path: redactor.redact($0.path)) }
        let reported = problems.map { DoctorReport.Verdict(failure: RunFailure($0.category, redactor.redact($0.message))) }
        let terminationPath =
            configuration?.terminationLog
            ?? (FileSystem.exists(RunConfiguration.defaultTerminationLog) ? RunConfiguration.defaultTerminationLog : nil)
        let verdict: DoctorReport.Verdict =
            reported.first
            ?? .init(
                exitCode: 0, errorCategory: .none,
                message: hasNotebook ? "a run would get past preflight" : "ready (no notebook given: notebook and kernel not checked)")
        return DoctorReport(
            verdict: verdict, problems: reported, runnerVersion: RunnerVersion.current,
            environment: plan.report.redacted(by: redactor), python: python,
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
