import Testing

@testable import NotebookRunner

@Suite struct EscalationTests {
    let t0 = ContinuousClock.now
    func at(_ seconds: Double) -> ContinuousClock.Instant { t0 + .milliseconds(Int64(seconds * 1000)) }

    func escalation(grace: Duration = .seconds(20), timeout: Double? = nil) -> Escalation {
        Escalation(
            grace: grace, deadline: timeout.map { at($0) },
            timeout: timeout.map { RunDuration(milliseconds: $0 * 1000) })
    }

    @Test func nothingHappensWithoutASignalOrDeadline() {
        var e = escalation()
        #expect(e.step(now: at(100), signals: (0, 0), papermillExited: false) == [])
        #expect(e.stop == nil)
    }

    @Test func signalInterruptsThenGraceThenTermThenKill() {
        var e = escalation(grace: .seconds(20))
        #expect(e.step(now: at(1), signals: (1, 15), papermillExited: false) == [.interrupt])
        #expect(e.stop == .signal(15))
        #expect(e.step(now: at(20.9), signals: (1, 15), papermillExited: false) == [])
        #expect(e.step(now: at(21), signals: (1, 15), papermillExited: false) == [.terminateGroup])
        #expect(e.step(now: at(22.5), signals: (1, 15), papermillExited: false) == [])
        #expect(e.step(now: at(23), signals: (1, 15), papermillExited: false) == [.killGroup])
        #expect(e.step(now: at(30), signals: (1, 15), papermillExited: false) == [])
    }

    @Test func secondSignalSkipsTheGrace() {
        var e = escalation(grace: .seconds(600))
        #expect(e.step(now: at(1), signals: (1, 15), papermillExited: false) == [.interrupt])
        #expect(e.step(now: at(2), signals: (2, 15), papermillExited: false) == [.terminateGroup])
        #expect(e.step(now: at(4), signals: (3, 15), papermillExited: false) == [.killGroup])
    }

    @Test func twoSignalsAtOnceEscalateAtOnce() {
        var e = escalation()
        #expect(e.step(now: at(1), signals: (2, 2), papermillExited: false) == [.interrupt, .terminateGroup])
        #expect(e.stop == .signal(2))
    }

    @Test func deadlineStopsLikeASignalButIsATimeout() {
        var e = escalation(timeout: 3)
        #expect(e.step(now: at(2.9), signals: (0, 0), papermillExited: false) == [])
        #expect(e.step(now: at(3), signals: (0, 0), papermillExited: false) == [.interrupt])
        #expect(e.stop == .deadline(RunDuration(milliseconds: 3000)))
        #expect(e.step(now: at(3.5), signals: (1, 15), papermillExited: false) == [.terminateGroup])
        #expect(e.stop == .deadline(RunDuration(milliseconds: 3000)), "a later signal does not change the reason")
    }

    @Test func afterPapermillExitsDescendantsGetTheDrainThenAreEnded() {
        var e = escalation()
        #expect(e.step(now: at(1), signals: (0, 0), papermillExited: true) == [])
        #expect(e.step(now: at(2.9), signals: (0, 0), papermillExited: true) == [])
        #expect(e.step(now: at(3), signals: (0, 0), papermillExited: true) == [.endDescendants])
        #expect(e.step(now: at(9), signals: (0, 0), papermillExited: true) == [])
        #expect(e.stop == nil, "papermill finished on its own")
    }

    @Test func aSignalWhileDrainingEndsDescendantsAtOnce() {
        var e = escalation()
        #expect(e.step(now: at(1), signals: (0, 0), papermillExited: true) == [])
        #expect(e.step(now: at(1.5), signals: (1, 15), papermillExited: true) == [.endDescendants])
    }
}
