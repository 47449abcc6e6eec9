/// The stop sequence, as a pure state machine stepped by the supervisor's watchdog:
///
/// 1. a stop signal or the `--timeout` deadline → SIGINT to papermill (it interrupts the kernel
///    and finalises the notebook in about a second);
/// 2. still running after `grace` → SIGTERM to papermill's process group;
///    a SECOND stop signal skips straight to this step;
/// 3. still running `killAfter` later → SIGKILL to the group;
/// 4. once papermill has exited, descendants that still hold its output pipes (the kernel in its
///    own session, daemons a cell started) get `drain` to finish on their own, then are ended.
package struct Escalation: Sendable {
    package enum Action: Sendable, Equatable {
        case interrupt, terminateGroup, killGroup, endDescendants
    }

    package let grace: Duration
    package let killAfter: Duration
    package let drain: Duration
    package let deadline: ContinuousClock.Instant?
    package let timeout: RunDuration?
    package private(set) var stop: StopReason?

    private var signalsSeen: UInt
    private var interruptedAt: ContinuousClock.Instant?
    private var terminatedAt: ContinuousClock.Instant?
    private var killedAt: ContinuousClock.Instant?
    private var exitedAt: ContinuousClock.Instant?
    private var descendantsEnded = false

    package init(
        grace: Duration, killAfter: Duration = .seconds(2), drain: Duration = .seconds(2),
        deadline: ContinuousClock.Instant?, timeout: RunDuration?, signalsAlreadySeen: UInt = 0
    ) {
        self.grace = grace
        self.killAfter = killAfter
        self.drain = drain
        self.deadline = deadline
        self.timeout = timeout
        self.signalsSeen = signalsAlreadySeen
    }

    /// - Parameters:
    ///   - signals: how many stop signals have arrived in all, and the first one.
    ///   - papermillExited: papermill is a zombie or gone.
    package mutating func step(
        now: ContinuousClock.Instant, signals: (count: UInt, first: Int32),
        papermillExited: Bool
    ) -> [Action] {
        var actions: [Action] = []
        let newSignals = signals.count > signalsSeen ? signals.count - signalsSeen : 0
        signalsSeen = max(signalsSeen, signals.count)

        if papermillExited {
            exitedAt = exitedAt ?? now
            let drained = newSignals > 0 || now - exitedAt! >= drain
            if drained, !descendantsEnded {
                descendantsEnded = true
                actions.append(.endDescendants)
            }
            return actions
        }

        if newSignals > 0 {
            if stop == nil {
                stop = .signal(signals.first)
                interruptedAt = now
                actions.append(.interrupt)
                if newSignals > 1 { escalate(now, &actions) }
            } else {
                escalate(now, &actions)
            }
        }
        if stop == nil, let deadline, now >= deadline, let timeout {
            stop = .deadline(timeout)
            interruptedAt = now
            actions.append(.interrupt)
        }
        if let i = interruptedAt, terminatedAt == nil, now - i >= grace {
            escalate(now, &actions)
        }
        if let t = terminatedAt, killedAt == nil, now - t >= killAfter {
            killedAt = now
            actions.append(.killGroup)
        }
        return actions
    }

    private mutating func escalate(_ now: ContinuousClock.Instant, _ actions: inout [Action]) {
        guard terminatedAt == nil else { return }
        terminatedAt = now
        actions.append(.terminateGroup)
    }
}
