import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// One `nbrunner run`, in one direction: configuration → preflight → supervise papermill →
/// read the executed notebook → outcome → result. Every path, failures included, ends in a
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
        guard unlink(path) == 0 || errno == ENOENT else {
            throw RunFailure(.environmentSetupFailed, "cannot replace the existing output notebook \(path): \(FileSystem.errnoText())")
        }
    }

    public func execute() async -> RunResult {
        let c = configuration
        let started = Date.now
        var facts = RunFacts()
        do throws(RunFailure) {
            try await Preflight.run(c, environment: environment, workingDirectory: workingDirectory, log: log, facts: &facts)
            guard let source = facts.source, let python = facts.python else {
                throw RunFailure(.internalError, "preflight finished without a notebook or interpreter")
            }
            // A notebook left at the output path by an earlier run must never be judged as this
            // run's: papermill may die before it writes its own.
            try Self.removeStale(c.output)
            log.info("executing \(c.notebook) → \(c.output) (cwd \(c.cwd))")
            let supervisor = PapermillSupervisor(
                command: PapermillCommand(python: python, configuration: c),
                environment: environment, workingDirectory: workingDirectory, log: log)
            let observation = try await supervisor.run(
                progress: CellProgress(source: source, injectsParameters: facts.injectsParameters))
            facts.observation = observation
            let outcome = OutcomeClassifier.classify(
                source: source, executed: NotebookReader.readExecuted(c.output),
                observation: observation, outputPath: c.output)
            return ResultAssembler.assemble(
                category: outcome.category, message: outcome.message, cells: outcome.cells,
                failedCell: outcome.failedCell, configuration: c, notebookPath: c.notebook,
                facts: facts, timing: .init(started: started, finished: .now))
        } catch {
            log.error(error.message)
            return ResultAssembler.assemble(
                category: error.category, message: error.message, cells: ResultAssembler.notRun(facts.source),
                failedCell: nil, configuration: c, notebookPath: c.notebook,
                facts: facts, timing: .init(started: started, finished: .now))
        }
    }
}
