import CShim

/// SIGTERM, SIGINT and SIGHUP to nbrunner. The C handlers only count deliveries (async-signal
/// safe); the supervisor polls ``count``. As PID 1 a signal without a handler would be ignored
/// by the kernel, so the handlers are also what makes `kubectl delete` reach nbrunner.
package enum StopSignals {
    /// Installs the handlers; idempotent.
    @discardableResult
    package static func install() -> Bool { nbr_install_stop_handlers() == 0 }

    package static var count: UInt { UInt(nbr_stop_signal_count()) }
    /// The first stop signal received, 0 if none.
    package static var first: Int32 { nbr_first_stop_signal() }
}
