/// The run's `status` in the result and the termination message: the controller's two words.
/// Every non-zero outcome (timeouts, cancellations, bad input) is `failed`.
package enum RunStatus: String, Sendable, Codable, Equatable {
    case succeeded
    case failed
}
