extension OutputScan.Needs {
    /// What `policy` looks at: the union of what each enabled policy declares
    /// (``ValidationPolicy/Name/scanNeeds``).
    package init(policy: ValidationPolicy) {
        self = ValidationPolicy.Name.allCases.filter { policy[$0].enabled }.reduce(.nothing) { $0.union($1.scanNeeds) }
    }

    package func union(_ other: Self) -> Self {
        Self(stderr: stderr || other.stderr, tracebacks: tracebacks || other.tracebacks)
    }
}
