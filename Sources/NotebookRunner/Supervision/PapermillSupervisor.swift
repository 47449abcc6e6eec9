import Subprocess
import Synchronization
import SystemPackage

#if canImport(Glibc)
    import Glibc
#endif

/// Runs papermill and streams its output live: stdin `/dev/null`, stdout and stderr read as raw
/// chunks, split into bounded lines, and written to nbrunner's log (each line cut to
/// ``RunnerLog/maxLineBytes``; the output notebook keeps it whole). papermill's `Executing Cell N` frames become nbrunner progress lines.
///
/// papermill runs in its own process group; a watchdog task steps the ``Escalation`` (stop
/// signals, `--timeout`, `--grace`), reaps orphans, and ends descendants that keep papermill's
/// pipes open after it exited. Returns only when papermill has exited, both pipes have reached
/// EOF and no process of the run is left, so nothing can land after the result block.
package struct PapermillSupervisor: Sendable {
    package var command: PapermillCommand
    package var environment: [String: String]
    package var workingDirectory: String
    package var log: RunnerLog
    package var escalation: Escalation

    /// Lines of papermill's stderr kept for classification, each clipped.
    static let tailLines = 200
    static let tailLineBytes = 2048

    package init(
        command: PapermillCommand, environment: [String: String], workingDirectory: String,
        log: RunnerLog, escalation: Escalation
    ) {
        self.command = command
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.log = log
        self.escalation = escalation
    }

    /// Starts the launcher at once and lets it run papermill when `gate` opens.
    /// - Returns: nil when the gate aborted (the launcher was killed before it started anything).
    package func run(progress: CellProgress, gate: LauncherGate = .opened()) async throws(RunFailure) -> PapermillObservation? {
        let log = self.log
        let registry = ChildRegistry.shared
        var options = PlatformOptions()
        options.processGroupID = 0  // its own group: escalation reaches papermill, not nbrunner
        let initial = escalation
        let spawnedPid = Mutex<pid_t?>(nil)  // set by the body, once papermill exists
        registry.beginSpawn()
        defer { registry.finished(spawnedPid.withLock { $0 }) }
        let result: ExecutionResult<(CellProgress, [String], StopReason?)?, SequenceOutput, SequenceOutput>
        do {
            result = try await Subprocess.run(
                .path(FilePath(command.executable)),
                arguments: Arguments(command.arguments),
                environment: ProcessEnvironment.subprocess(environment),
                workingDirectory: FilePath(workingDirectory),
                platformOptions: options,
                input: .inputWriter, output: .sequence, error: .sequence
            ) { execution in
                spawnedPid.withLock { $0 = execution.processIdentifier.value }
                registry.spawned(execution.processIdentifier.value)
                guard await gate.wait() == .go else {
                    // Only the launcher exists (it starts papermill after `go`): nothing to save.
                    try? execution.send(signal: .kill, toProcessGroup: true)
                    try await execution.standardInputWriter.finish()
                    async let drained: Void = Self.discard(execution.standardOutput)
                    try await Self.discard(execution.standardError)
                    try await drained
                    return nil
                }
                _ = try await execution.standardInputWriter.write(Array("go\n".utf8))
                // The pipe stays open while papermill runs: the launcher takes its end of file
                // for nbrunner's death and ends the run's processes (PapermillLauncher).
                let watchdog = Task { await Self.watch(execution, escalation: initial, log: log) }
                defer { watchdog.cancel() }
                async let stdoutDone: Void = Self.pump(execution.standardOutput, log: log)
                let (last, tail) = try await Self.pumpErrors(execution.standardError, progress: progress, log: log)
                try await stdoutDone
                // Both pipes are closed; papermill may still be running (it can close them).
                // The watchdog keeps stepping (signals, deadline, escalation) until it exits.
                let pid = execution.processIdentifier.value
                while ProcessTable.read(pid).map({ !$0.isZombie }) ?? false {
                    try? await Task.sleep(for: .milliseconds(10))
                }
                try? await execution.standardInputWriter.finish()
                watchdog.cancel()
                return (last, tail, await watchdog.value)
            }
        } catch {
            await Self.endLeftovers(log: log)
            throw RunFailure(.internalError, "could not run papermill (\(command.executable) with nbrunner's launcher): \(error)")
        }
        guard let (last, tail, stop) = result.closureResult else {
            await Self.endLeftovers(log: log)
            return nil
        }
        let ending: PapermillObservation.Ending
        switch result.terminationStatus {
        case .exited(let code): ending = .exited(code)
        case .signaled(let signal): ending = .signaled(signal)
        }
        await Self.endLeftovers(log: log)
        return PapermillObservation(
            ending: ending, lastStartedLiveIndex: last.lastStartedLiveIndex,
            lastStartedSourceIndex: last.lastStartedSourceIndex, errorTail: tail, stop: stop)
    }

    /// No process of the run outlives it, whatever the outcome.
    static func endLeftovers(log: RunnerLog) async {
        let leftovers = await ProcessTreeCleanup.endDescendants()
        if !leftovers.ended.isEmpty {
            log.info("ended \(leftovers.ended.count) leftover process(es) of the run: \(leftovers.endedText)")
        }
        if !leftovers.remaining.isEmpty {
            log.warning(
                "\(leftovers.remaining.count) process(es) of the run were still alive after \(RunDuration(ProcessTreeCleanup.killLimit)) of SIGKILL rounds and may outlive it: \(ProcessTreeCleanup.Report.list(leftovers.remaining))"
            )
        }
    }

    /// The watchdog: steps the escalation every 100 ms and reaps orphans, until cancelled.
    static func watch(
        _ execution: Execution<CustomWriteInput, SequenceOutput, SequenceOutput>,
        escalation initial: Escalation, log: RunnerLog
    ) async -> StopReason? {
        var escalation = initial
        let clock = ContinuousClock()
        let pid = execution.processIdentifier.value
        var ticks = 0
        while !Task.isCancelled {
            let exited = ProcessTable.read(pid).map(\.isZombie) ?? true
            let actions = escalation.step(
                now: clock.now, signals: (StopSignals.count, StopSignals.first),
                papermillExited: exited)
            for action in actions {
                switch action {
                case .interrupt:
                    log.info(
                        "\(describe(escalation.stop)): interrupting papermill (SIGINT) so it finalises the notebook; forced after \(RunDuration(escalation.grace))"
                    )
                    try? execution.send(signal: .interrupt)
                case .terminateGroup:
                    log.info("papermill is still running: SIGTERM to its process group")
                    try? execution.send(signal: .terminate, toProcessGroup: true)
                case .killGroup:
                    log.info("papermill is still running: SIGKILL to its process group")
                    try? execution.send(signal: .kill, toProcessGroup: true)
                case .endDescendants:
                    // In a task of its own: the watchdog's cancellation must not cut its waits short.
                    let ended = await Task { await ProcessTreeCleanup.endDescendants(excluding: [pid]) }.value
                    if !ended.ended.isEmpty {
                        log.info("papermill has exited; ended \(ended.ended.count) process(es) still holding its output: \(ended.endedText)")
                    }
                }
            }
            ticks += 1
            if ticks % 3 == 0 { ChildRegistry.shared.reapOrphans() }
            try? await Task.sleep(for: .milliseconds(100))
        }
        return escalation.stop
    }

    static func describe(_ stop: StopReason?) -> String {
        switch stop {
        case .signal(let s)?: "received \(SignalName.of(s))"
        case .deadline(let d)?: "--timeout \(d) reached"
        case nil: "stopping"
        }
    }

    /// An aborted launcher's output (Python's own start-up warnings): not the run's.
    static func discard(_ stream: SubprocessOutputSequence) async throws {
        for try await _ in stream {}
    }

    /// papermill's stdout (normally empty): passed through to the log.
    static func pump(_ stream: SubprocessOutputSequence, log: RunnerLog) async throws {
        var splitter = LineSplitter()
        var batch = RunnerLog.Batch()
        for try await chunk in stream {
            chunk.withUnsafeBytes { raw in splitter.feed(raw) { add($0, to: &batch) } }
            log.write(batch)
            batch = RunnerLog.Batch()
        }
        splitter.finish { add($0, to: &batch) }
        log.write(batch)
    }

    /// papermill's stderr: logging, cell output (`--log-output`), the kernel's own stderr.
    static func pumpErrors(
        _ stream: SubprocessOutputSequence, progress initial: CellProgress,
        log: RunnerLog
    ) async throws -> (CellProgress, [String]) {
        var progress = initial
        var splitter = LineSplitter()
        var tail = Ring<[UInt8]>(capacity: tailLines)
        var batch = RunnerLog.Batch()
        func handle(_ piece: LineSplitter.Piece) {
            if case .line(let line) = piece, case .frame(let message) = progress.observe(line) {
                if let message { batch.append(own: message) }
                return
            }
            add(piece, to: &batch)
            switch piece {
            case .line(let b), .truncated(let b, _): tail.append(Array(b.prefix(tailLineBytes)))
            }
        }
        for try await chunk in stream {
            chunk.withUnsafeBytes { raw in splitter.feed(raw, handle) }
            log.write(batch)
            batch = RunnerLog.Batch()
        }
        splitter.finish(handle)
        log.write(batch)
        return (progress, tail.elements.map { String(decoding: $0, as: UTF8.self) })
    }

    static func add(_ piece: LineSplitter.Piece, to batch: inout RunnerLog.Batch) {
        switch piece {
        case .line(let line):
            batch.append(line)
        case .truncated(let head, let omitted):
            batch.append(head, omitted: omitted)  // the log says how much was cut
        }
    }
}
