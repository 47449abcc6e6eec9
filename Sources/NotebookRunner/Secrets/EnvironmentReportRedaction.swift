extension EnvironmentReport {
    /// The report with every secret value replaced by `***`. A secrets file may set HOME, TMPDIR
    /// or a Jupyter path: the locations the run plans then carry its values, and are secrets
    /// like any other loaded value.
    package func redacted(by redactor: Redactor) -> EnvironmentReport {
        guard !redactor.isEmpty else { return self }
        var r = self
        r.scratch = redactor.redact(scratch)
        r.passwdHome = redactor.redact(passwdHome)
        r.notes = notes.map { redactor.redact($0) }
        r.locations = locations.map { location in
            var l = location
            l.path = redactor.redact(location.path)
            l.from = redactor.redact(location.from)
            l.reason = redactor.redact(location.reason)
            return l
        }
        return r
    }
}
