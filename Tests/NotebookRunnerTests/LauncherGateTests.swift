import Testing

@testable import NotebookRunner

/// A lost wake-up would hang the wait: the time limit turns that into a failure.
@Suite(.timeLimit(.minutes(1))) struct LauncherGateTests {
    @Test func aDecisionBeforeTheWaitIsKept() async {
        let opened = LauncherGate()
        opened.open()
        #expect(await opened.wait() == .go)
        let aborted = LauncherGate()
        aborted.abort()
        #expect(await aborted.wait() == .abort)
        #expect(await LauncherGate.opened().wait() == .go)
    }

    @Test func theWaiterGetsTheFirstDecision() async {
        let gate = LauncherGate()
        let waiter = Task { await gate.wait() }
        try? await Task.sleep(for: .milliseconds(20))
        gate.open()
        gate.abort()
        #expect(await waiter.value == .go)
        #expect(await gate.wait() == .go, "later waits see the same decision")
    }

    @Test func cancellingTheWaitAborts() async {
        let gate = LauncherGate()
        let waiter = Task { await gate.wait() }
        try? await Task.sleep(for: .milliseconds(20))
        waiter.cancel()
        #expect(await waiter.value == .abort)
        gate.open()
        #expect(await gate.wait() == .abort)
    }
}
