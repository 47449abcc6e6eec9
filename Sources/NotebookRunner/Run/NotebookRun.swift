import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#endif

/// One `nbrunner run`, in one direction: configuration → input checks → secrets → environment
/// plan → sandbox → runtime checks (python, papermill, kernel) → supervise papermill → redact and read the
/// executed notebook → outcome → result. Every path, failures included, ends in a
/// ``RunResult``; nothing here prints the summary or exits.
public struct NotebookRun: Sendable {
    public var configuration: RunConfiguration
    public var environment: [String: String]
    public var workingDirectory: String
    public var log: RunnerLog

    public init(configuration: RunConfiguration, environment: [String: String], workingDirectory: String, log: RunnerLog) {
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

    func supervisor(python: String, environment: [String: String], escalation: Escalation) -> PapermillSupervisor {
        PapermillSupervisor(
            command: PapermillCommand(python: python, configuration: configuration),
            environment: environment, workingDirectory: workingDirectory, log: log, escalation: escalation)
    }

    /// Credentials written into the code cells, before anything starts: their values are masked
    /// from then on; each is a warning, or the run fails (`hardcoded_credentials`) under
    /// `--fail-on-hardcoded-credentials`, strict mode or level production.
    func checkHardcodedCredentials(facts: inout RunFacts) throws(RunFailure) {
        guard let source = facts.source else { return }
        let findings = CredentialScan.scan(source)
        guard !findings.isEmpty else { return }
        log.use(log.redactor.adding(findings.map(\.value)))
        facts.credentialFindings = findings
        let located = findings.prefix(10).map(\.description).joined(separator: "; ") + (findings.count > 10 ? "; …" : "")
        let policy = configuration.validation
        if policy.credentialsFail {
            let why = policy.failOnHardcodedCredentials.enabled ? policy.failOnHardcodedCredentials.source : policy.strictMode.source
            throw RunFailure(.hardcodedCredentials, "\(findings.count) hard-coded credential(s) in the notebook (\(why)): \(located)")
        }
        for finding in findings {
            log.warning("hard-coded credential in \(finding.description); its value is masked (keep credentials in Secrets: docs/secrets.md)")
        }
    }

    /// The validation policies and the golden comparison, folded into the outcome
    /// (``ValidationVerdict``); their reports go to `facts`.
    func check(
        _ outcome: OutcomeClassifier.Outcome, source: NotebookDocument, executed: NotebookDocument?,
        facts: inout RunFacts
    ) -> OutcomeClassifier.Outcome {
        let c = configuration
        var validation = NotebookValidation.validate(
            policy: c.validation, source: source, executed: executed,
            cells: outcome.cells, redactor: log.redactor)
        if !facts.credentialFindings.isEmpty {
            let found = facts.credentialFindings.map {
                ValidationReport.Warning(cellIndex: $0.cellIndex, kind: .hardcodedCredential, message: "hard-coded credential on line \($0.line): \($0.kind)")
            }
            let all = (validation.warnings + found).enumerated().sorted { ($0.element.cellIndex, $0.offset) < ($1.element.cellIndex, $1.offset) }.map(\.element)
            validation.warnings = Array(all.prefix(ValidationReport.maxListed))
            validation.warningsOmitted = all.count > ValidationReport.maxListed ? all.count - ValidationReport.maxListed : nil
        }
        facts.validation = validation
        let p = c.validation
        log.info(
            "validation: level \(p.level.rawValue) (\(p.levelSource)); fail-on-stderr \(p.failOnStderr.enabled ? "on" : "off"), "
                + "fail-on-warnings \(p.failOnWarnings.enabled ? "on" : "off"), strict \(p.strictMode.enabled ? "on" : "off"), "
                + "detect-silent-failures \(p.detectSilentFailures.enabled ? "on" : "off"): \(validation.status.rawValue)")
        for line in ValidationLog.lines(validation) {
            if line.isWarning { log.warning(line.text) } else { log.info(line.text) }
        }
        if let golden = c.golden, let goldenDocument = facts.golden {
            let comparison =
                executed.map {
                    GoldenComparison(settings: golden, redactor: log.redactor).compare(source: source, executed: $0, golden: goldenDocument)
                } ?? .skipped(golden, reason: "papermill wrote no readable executed notebook")
            facts.comparison = comparison
            switch comparison.result {
            case .matched:
                log.info(
                    "golden: \(comparison.matchedCells) of \(comparison.totalCells) cells match \(golden.path) (\(golden.strategy.rawValue))"
                        + (comparison.ignoredCells > 0 ? ", \(comparison.ignoredCells) ignored" : ""))
            case .failed:
                log.info("golden: \(comparison.mismatchedCells) of \(comparison.totalCells) cells differ from \(golden.path) (\(golden.strategy.rawValue))")
                for diff in comparison.diffs.prefix(5) {
                    log.info("golden: cell \(diff.cellIndex) \(diff.diffType.rawValue)")
                    for line in diff.diff.split(separator: "\n") { log.info("golden:   \(line)") }
                }
            case .skipped:
                log.info("golden: comparison skipped: \(comparison.reason ?? "")")
            }
        }
        return ValidationVerdict.apply(to: outcome, validation: validation, comparison: facts.comparison)
    }

    public func execute() async -> RunResult {
        let c = configuration
        let started = Date.now
        let deadline = c.timeout.map { ContinuousClock.now + $0.swiftDuration }
        var facts = RunFacts()
        do throws(RunFailure) {
            try Preflight.checkInputs(c, facts: &facts)
            // Secrets first, so the environment plan checks whatever they set (even a HOME).
            var environment = self.environment
            var loader = SecretsLoader(
                envFiles: c.envFiles, secretsDirectory: c.secretsDir, wait: c.secretsWait,
                overrideEnvironment: c.overrideEnvironment)
            loader.secretEnv = c.secretEnv
            loader.secretFiles = c.secretFiles
            let secrets = try await loader.load(into: &environment, log: log)
            facts.secrets = secrets.report
            log.use(secrets.redactor)
            try checkHardcodedCredentials(facts: &facts)
            let plan = EnvironmentSetup(environment: environment, identity: .current()).plan()
            facts.environment = plan.report
            EnvironmentLog.write(plan.report, to: log)
            try plan.report.requireHome()
            environment = plan.environment
            // Before the first process nbrunner starts, so everything runs under the filter.
            let sandbox = Sandbox.apply(c.sandbox, log: log)
            facts.sandbox = sandbox
            try Sandbox.requireActive(sandbox)
            // The launcher starts now, so that Python's start-up and papermill's import overlap
            // the probe and the kernel check; it runs papermill only when the gate opens.
            guard let source = facts.source else {
                throw RunFailure(.internalError, "preflight finished without a notebook")
            }
            let escalation = Escalation(grace: c.grace.swiftDuration, deadline: deadline, timeout: c.timeout)
            let progress = CellProgress(source: source, injectsParameters: facts.injectsParameters)
            let oomBefore = MemoryEvents.oomKills()
            var early:
                (
                    gate: LauncherGate, environment: [String: String], python: String,
                    task: Task<PapermillObservation?, any Error>
                )?
            if let python = try? PythonLocator.locate(explicit: c.python, environment: environment) {
                let gate = LauncherGate()
                let supervisor = supervisor(python: python, environment: environment, escalation: escalation)
                early = (gate, environment, python, Task { try await supervisor.run(progress: progress, gate: gate) })
            }
            func abortEarly() async {
                guard let early else { return }
                early.gate.abort()
                _ = try? await early.task.value
            }
            let python: String
            do throws(RunFailure) {
                try await Preflight.checkRuntime(c, environment: &environment, workingDirectory: workingDirectory, log: log, facts: &facts)
                guard let located = facts.python else {
                    throw RunFailure(.internalError, "preflight finished without an interpreter")
                }
                python = located
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
                await abortEarly()
                throw error
            }
            log.info("executing \(c.notebook) → \(c.output) (cwd \(c.cwd))")
            let launched: Task<PapermillObservation?, any Error>
            // An early launcher that started before an --allow-install could not import papermill.
            if let early, !facts.installedAtRuntime, early.environment == environment, early.python == python {
                early.gate.open()
                launched = early.task
            } else {
                // After an install, or in a changed environment: start afresh.
                await abortEarly()
                let supervisor = supervisor(python: python, environment: environment, escalation: escalation)
                launched = Task { try await supervisor.run(progress: progress) }
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
                NotebookRedaction.apply(to: c.output, redactor: log.redactor, log: log)
            }
            facts.observation = observation
            let executed = NotebookReader.readExecuted(
                c.output, fullOutputs: c.golden != nil,
                needs: OutputScan.Needs(policy: c.validation))
            var outcome = OutcomeClassifier.classify(
                source: source, executed: executed, observation: observation, outputPath: c.output)
            outcome = check(outcome, source: source, executed: try? executed?.get(), facts: &facts)
            return ResultAssembler.assemble(
                category: outcome.category, message: outcome.message, cells: outcome.cells,
                failedCell: outcome.failedCell, signal: outcome.signal, configuration: c, notebookPath: c.notebook,
                facts: facts, timing: .init(started: started, finished: .now))
        } catch {
            log.error(error.message)
            if facts.environment == nil {  // what the environment stage would have done
                facts.environment = EnvironmentSetup(environment: environment, identity: .current(), dryRun: true).plan().report
            }
            return ResultAssembler.assemble(
                category: error.category, message: error.message, cells: ResultAssembler.notRun(facts.source),
                failedCell: nil, signal: error.category == .cancelled ? StopSignals.first : nil,
                configuration: c, notebookPath: c.notebook,
                facts: facts, timing: .init(started: started, finished: .now))
        }
    }
}
