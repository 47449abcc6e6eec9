import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#endif

/// One `nbrunner run`, in one direction, each stage handing its typed value to the next:
/// configuration → input check (``Inputs``) → secrets (``LoadedSecrets``) → credential check
/// (``CredentialCheck``) → environment plan → sandbox → runtime check (``Runtime``) → supervise
/// papermill (``EarlyLauncher``, ``PapermillObservation``) → redact and read the executed
/// notebook → outcome and validation → result. What the stages produced is kept in a
/// ``RunRecord`` for the result, so that a failure still reports it. Every path, failures
/// included, ends in a ``RunResult``; nothing here prints the summary or exits.
package struct NotebookRun: Sendable {
    package var configuration: RunConfiguration
    package var environment: [String: String]
    package var workingDirectory: String
    package var log: RunnerLog

    package init(configuration: RunConfiguration, environment: [String: String], workingDirectory: String, log: RunnerLog) {
        self.configuration = configuration
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.log = log
    }

    static func removeStale(_ path: String) throws(RunFailure) {
        // Checked in the configuration too; a device or FIFO made since is still never removed.
        if let refusal = SafeFileWriter.refusal(path) {
            throw RunFailure(.configurationError, "--output \(path) \(refusal); it is not removed or replaced")
        }
        guard unlink(path) == 0 || errno == ENOENT else {
            throw RunFailure(.environmentSetupFailed, "cannot replace the existing output notebook \(path): \(FileSystem.errnoText())")
        }
    }

    func supervisor(escalation: Escalation) -> EarlyLauncher.Supervisor {
        { [configuration, workingDirectory, log] python, environment in
            PapermillSupervisor(
                command: PapermillCommand(python: python, configuration: configuration),
                environment: environment, workingDirectory: workingDirectory, log: log, escalation: escalation)
        }
    }

    /// What the validation policies and the golden comparison made of an outcome.
    struct Checked {
        var outcome: OutcomeClassifier.Outcome
        var validation: ValidationReport
        var comparison: ComparisonReport?
    }

    /// The validation policies and the golden comparison, folded into the outcome
    /// (``ValidationVerdict``), with their reports.
    func check(
        _ outcome: OutcomeClassifier.Outcome, inputs: Inputs, executed: NotebookDocument?,
        credentials: CredentialCheck, redactor: Redactor
    ) -> Checked {
        let c = configuration
        let validation = credentials.merged(
            into: NotebookValidation.validate(
                policy: c.validation, source: inputs.source, executed: executed, cells: outcome.cells, redactor: redactor))
        ValidationLog.write(validation, to: log)
        var comparison: ComparisonReport?
        if let golden = c.golden, let goldenDocument = inputs.golden {
            let compared =
                executed.map {
                    GoldenComparison(settings: golden, redactor: redactor).compare(source: inputs.source, executed: $0, golden: goldenDocument)
                } ?? .skipped(golden, reason: "papermill wrote no readable executed notebook")
            GoldenLog.write(compared, settings: golden, to: log)
            comparison = compared
        }
        return Checked(
            outcome: ValidationVerdict.apply(to: outcome, validation: validation, comparison: comparison),
            validation: validation, comparison: comparison)
    }

    /// Runs the notebook; the result is redacted with the run's ``Redactor`` before it is
    /// returned, so nothing that publishes it needs the secrets.
    package func execute() async -> RunResult {
        let c = configuration
        let started = Date.now
        let deadline = c.timeout.map { ContinuousClock.now + $0.swiftDuration }
        var record = RunRecord()
        var redactor = Redactor.none
        do throws(RunFailure) {
            let inputCheck = Preflight.checkInputs(c)
            record.inputs = inputCheck
            let inputs = try inputCheck.inputs()
            // Secrets first, so the environment plan checks whatever they set (even a HOME).
            var loader = SecretsLoader(
                envFiles: c.envFiles, secretsDirectory: c.secretsDir, wait: c.secretsWait,
                overrideEnvironment: c.overrideEnvironment)
            loader.secretEnv = c.secretEnv
            loader.secretFiles = c.secretFiles
            let secrets = try await loader.load(environment, log: log)
            record.secrets = secrets.report
            redactor = secrets.redactor
            log.use(redactor)
            // Credentials written into the code cells: their values are masked from now on.
            let credentials = CredentialCheck(inputs.source, policy: c.validation)
            if !credentials.findings.isEmpty {
                redactor = redactor.adding(credentials.findings.map(\.value))
                log.use(redactor)
            }
            if let failure = credentials.failure { throw failure }
            for warning in credentials.warnings { log.warning(warning) }
            let plan = EnvironmentSetup(environment: secrets.environment, identity: .current()).plan()
            record.environment = plan.report
            EnvironmentLog.write(plan.report, to: log)
            try plan.report.requireHome()
            // Before the first process nbrunner starts, so everything runs under the filter.
            let sandbox = Sandbox.apply(c.sandbox, log: log)
            record.sandbox = sandbox
            try Sandbox.requireActive(sandbox)
            let escalation = Escalation(grace: c.grace.swiftDuration, deadline: deadline, timeout: c.timeout)
            let progress = CellProgress(source: inputs.source, injectsParameters: inputs.injectsParameters)
            let oomBefore = MemoryEvents.oomKills()
            let early = EarlyLauncher.start(
                python: c.python, environment: plan.environment, progress: progress, supervisor: supervisor(escalation: escalation))
            let runtime: Runtime
            do throws(RunFailure) {
                let runtimeCheck = await Preflight.checkRuntime(
                    c, kernel: inputs.kernelName, environment: plan.environment, report: plan.report,
                    workingDirectory: workingDirectory, log: log)
                record.runtime = runtimeCheck
                record.environment = runtimeCheck.environmentReport
                runtime = try runtimeCheck.runtime()
                // Stopped before papermill started: nothing to interrupt.
                if StopSignals.count > 0 {
                    throw RunFailure(.cancelled, "cancelled by \(SignalName.of(StopSignals.first)) before execution started")
                }
                if let deadline, let timeout = c.timeout, ContinuousClock.now >= deadline {
                    throw RunFailure(.timeout, "the run exceeded --timeout \(timeout) before execution started")
                }
                // A notebook left at the output path by an earlier run must never be judged as this
                // run's: papermill may die before it writes its own.
                try Self.removeStale(c.output)
            } catch {
                await early?.abort()
                throw error
            }
            log.info("executing \(c.notebook) → \(c.output) (cwd \(c.cwd))")
            let launched =
                if let early {
                    await early.launch(for: runtime)
                } else {
                    EarlyLauncher.launch(for: runtime, progress: progress, supervisor: supervisor(escalation: escalation))
                }
            let finished: PapermillObservation?
            do {
                finished = try await launched.value
            } catch let failure as RunFailure {
                throw failure
            } catch {
                throw RunFailure(.internalError, "could not run papermill: \(error)")
            }
            guard var observation = finished else {
                throw RunFailure(.internalError, "papermill's launcher ended before it was told to start")
            }
            if let before = oomBefore, let after = MemoryEvents.oomKills(), after > before {
                observation.oomKilled = true
            }
            if c.redactNotebook {
                NotebookRedaction.apply(to: c.output, redactor: redactor, log: log)
            }
            record.observation = observation
            let executed = NotebookReader.readExecuted(c.output, mode: .executed(policy: c.validation, golden: c.golden != nil))
            let checked = check(
                OutcomeClassifier.classify(source: inputs.source, executed: executed, observation: observation, outputPath: c.output),
                inputs: inputs, executed: try? executed?.get(), credentials: credentials, redactor: redactor)
            record.validation = checked.validation
            record.comparison = checked.comparison
            let outcome = checked.outcome
            return ResultAssembler.assemble(
                category: outcome.category, message: outcome.message, cells: outcome.cells,
                failedCell: outcome.failedCell, signal: outcome.signal, configuration: c, notebookPath: c.notebook,
                record: record, timing: .init(started: started, finished: .now)
            ).redacted(by: redactor)
        } catch {
            log.error(error.message)
            if record.environment == nil {  // what the environment stage would have done
                record.environment = EnvironmentSetup(environment: environment, identity: .current(), dryRun: true).plan().report
            }
            return ResultAssembler.assemble(
                category: error.category, message: error.message, cells: ResultAssembler.notRun(record.inputs?.source),
                failedCell: nil, signal: error.category == .cancelled ? StopSignals.first : nil,
                configuration: c, notebookPath: c.notebook,
                record: record, timing: .init(started: started, finished: .now)
            ).redacted(by: redactor)
        }
    }
}
