/// papermill's launcher, started before the runtime check as soon as ``PythonLocator`` knows
/// the interpreter, so that Python's start-up and papermill's import overlap the probe and the
/// kernel check. It waits on its stdin for the ``LauncherGate``: ``launch(for:)`` opens it when
/// the runtime check confirmed the same interpreter in the same environment, and otherwise (an
/// `--allow-install` changed both) kills it and starts papermill afresh; ``abort()`` kills it
/// when a check fails.
struct EarlyLauncher: Sendable {
    /// Makes the supervisor for an interpreter and an environment.
    typealias Supervisor = @Sendable (_ python: String, _ environment: [String: String]) -> PapermillSupervisor

    let gate: LauncherGate
    let environment: [String: String]
    let python: String
    let task: Task<PapermillObservation?, any Error>
    let progress: CellProgress
    let supervisor: Supervisor

    /// nil when no interpreter can be located yet (the runtime check says why).
    static func start(
        python explicit: String?, environment: [String: String], progress: CellProgress, supervisor: @escaping Supervisor
    ) -> EarlyLauncher? {
        guard let python = try? PythonLocator.locate(explicit: explicit, environment: environment) else { return nil }
        let gate = LauncherGate()
        let early = supervisor(python, environment)
        let task = Task<PapermillObservation?, any Error> { try await early.run(progress: progress, gate: gate) }
        return EarlyLauncher(gate: gate, environment: environment, python: python, task: task, progress: progress, supervisor: supervisor)
    }

    /// Kills the launcher before papermill started, and waits for it.
    func abort() async {
        gate.abort()
        _ = try? await task.value
    }

    /// papermill running for `runtime`: this launcher told to go, or, after an install or in a
    /// changed environment, a fresh one.
    func launch(for runtime: Runtime) async -> Task<PapermillObservation?, any Error> {
        if !runtime.installedAtRuntime, environment == runtime.environment, python == runtime.python {
            gate.open()
            return task
        }
        await abort()
        return Self.launch(for: runtime, progress: progress, supervisor: supervisor)
    }

    /// papermill started without an early launcher.
    static func launch(for runtime: Runtime, progress: CellProgress, supervisor: Supervisor) -> Task<PapermillObservation?, any Error> {
        let fresh = supervisor(runtime.python, runtime.environment)
        return Task { try await fresh.run(progress: progress) }
    }
}
