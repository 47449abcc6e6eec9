import CShim

/// SIGTERM, SIGINT and SIGHUP to nbrunner. The C handlers only count deliveries (async-signal
/// safe); the supervisor polls ``count``. As PID 1 a signal without a handler would be ignored
/// by the kernel, so the handlers are also what makes `kubectl delete` reach nbrunner.
public enum StopSignals {
    /// Installs the handlers; idempotent.
    @discardableResult
    public static func install() -> Bool { nbr_install_stop_handlers() == 0 }

    public static var count: UInt { UInt(nbr_stop_signal_count()) }
    /// The first stop signal received, 0 if none.
    public static var first: Int32 { nbr_first_stop_signal() }
}
