import Subprocess
import SystemPackage

/// A short helper process (the interpreter probe, pip) that must not hold the run forever: it
/// is stopped (swift-subprocess kills it when its task is cancelled) after `limit`, or as soon
/// as a stop signal reaches nbrunner.
enum BoundedProcess {
    enum Ending {
        case finished(TerminationStatus, output: [UInt8], error: [UInt8])
        case timedOut
        case stopped(signal: Int32)
    }

    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String],
        workingDirectory: String, limit: Duration, combineOutput: Bool = false
    ) async throws -> Ending {
        try await withThrowingTaskGroup(of: Ending?.self) { group in
            group.addTask {
                try await ChildRegistry.shared.whileSpawning {
                    if combineOutput {
                        let r = try await Subprocess.run(
                            .path(FilePath(executable)), arguments: Arguments(arguments),
                            environment: ProcessEnvironment.subprocess(environment),
                            workingDirectory: FilePath(workingDirectory),
                            input: .none, output: .bytes(limit: 8 << 20), error: .combinedWithOutput)
                        return .finished(r.terminationStatus, output: r.standardOutput, error: [])
                    }
                    let r = try await Subprocess.run(
                        .path(FilePath(executable)), arguments: Arguments(arguments),
                        environment: ProcessEnvironment.subprocess(environment),
                        workingDirectory: FilePath(workingDirectory),
                        input: .none, output: .bytes(limit: 8 << 20), error: .bytes(limit: 1 << 20))
                    return .finished(r.terminationStatus, output: r.standardOutput, error: r.standardError)
                }
            }
            group.addTask {
                let clock = ContinuousClock()
                let end = clock.now + limit
                while clock.now < end {
                    if StopSignals.count > 0 { return .stopped(signal: StopSignals.first) }
                    try await Task.sleep(for: .milliseconds(100))
                }
                return .timedOut
            }
            let first = try await group.next() ?? nil
            group.cancelAll()
            return first ?? .timedOut
        }
    }
}
