import Synchronization

/// When the launcher may start papermill. nbrunner starts the launcher as soon as it knows the
/// interpreter, so that Python's start-up and papermill's import (most of papermill's fixed
/// cost) overlap the interpreter probe and the kernel check; the launcher then waits on its
/// stdin for nbrunner's decision. Nothing runs a notebook or starts a kernel before ``open()``.
///
/// ``abort()`` is for a preflight that failed or was stopped: the launcher is killed (it has
/// not started anything). A task cancelled while it waits counts as an abort.
package final class LauncherGate: Sendable {
    package enum Decision: Sendable, Equatable { case go, abort }

    private struct State {
        var decision: Decision?
        var waiter: CheckedContinuation<Decision, Never>?
    }
    private let state = Mutex(State())

    package init() {}

    /// A gate that is open from the start (nothing to overlap).
    package static func opened() -> LauncherGate {
        let gate = LauncherGate()
        gate.open()
        return gate
    }

    package func open() { decide(.go) }
    package func abort() { decide(.abort) }

    /// The first decision wins.
    private func decide(_ decision: Decision) {
        let waiter = state.withLock { s -> CheckedContinuation<Decision, Never>? in
            guard s.decision == nil else { return nil }
            s.decision = decision
            defer { s.waiter = nil }
            return s.waiter
        }
        waiter?.resume(returning: decision)
    }

    package func wait() async -> Decision {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Decision, Never>) in
                let decided = state.withLock { s -> Decision? in
                    if s.decision == nil { s.waiter = continuation }
                    return s.decision
                }
                if let decided { continuation.resume(returning: decided) }
            }
        } onCancel: {
            abort()
        }
    }
}
