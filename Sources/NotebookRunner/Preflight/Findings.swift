/// The failures a sequence of checks met, in the order it met them. A run stops at the first
/// (``Mode/stopAtFirst``); `nbrunner doctor` goes on and lists them all (``Mode/collectAll``),
/// so both meet the same problems, with the same messages, in the same order.
package struct Findings: Sendable {
    package enum Mode: Sendable { case stopAtFirst, collectAll }

    package let mode: Mode
    package private(set) var failures: [RunFailure] = []

    package init(_ mode: Mode) { self.mode = mode }

    /// Records `failure`; returns whether the checks stop here.
    @discardableResult
    package mutating func add(_ failure: RunFailure) -> Bool {
        failures.append(failure)
        return mode == .stopAtFirst
    }

    /// Records what `check` throws; returns its value, or nil when it threw.
    package mutating func run<T>(_ check: () throws(RunFailure) -> T) -> T? {
        do throws(RunFailure) {
            return try check()
        } catch {
            add(error)
            return nil
        }
    }

    package var stopped: Bool { mode == .stopAtFirst && !failures.isEmpty }

    /// Throws the first failure, if any.
    package func requireNone() throws(RunFailure) {
        if let first = failures.first { throw first }
    }
}
