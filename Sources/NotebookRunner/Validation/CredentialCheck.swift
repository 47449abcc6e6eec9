/// Credentials written into the code cells (``CredentialScan``), before anything starts: each
/// is a warning, or the run fails (`hardcoded_credentials`) under
/// `--fail-on-hardcoded-credentials`, strict mode or level production. Shared by the run and
/// `nbrunner doctor`, so both say the same.
package struct CredentialCheck: Sendable {
    package var findings: [CredentialScan.Finding]
    /// Set when the policy makes the findings fail the run.
    package var failure: RunFailure?

    package init(_ source: NotebookDocument, policy: ValidationPolicy) {
        findings = CredentialScan.scan(source)
        guard !findings.isEmpty, policy.credentialsFail else { return }
        let located = findings.prefix(10).map(\.description).joined(separator: "; ") + (findings.count > 10 ? "; …" : "")
        let why = policy.failOnHardcodedCredentials.enabled ? policy.failOnHardcodedCredentials.source : policy.strictMode.source
        failure = RunFailure(.hardcodedCredentials, "\(findings.count) hard-coded credential(s) in the notebook (\(why)): \(located)")
    }

    /// The warnings a run logs when the findings do not fail it.
    package var warnings: [String] {
        findings.map { "hard-coded credential in \($0.description); its value is masked (keep credentials in Secrets: docs/secrets.md)" }
    }

    /// The findings as validation warnings, merged into `report` by cell (the result lists at
    /// most ``ValidationReport/maxListed``).
    package func merged(into report: ValidationReport) -> ValidationReport {
        guard !findings.isEmpty else { return report }
        var report = report
        let found = findings.map {
            ValidationReport.Warning(cellIndex: $0.cellIndex, kind: .hardcodedCredential, message: "hard-coded credential on line \($0.line): \($0.kind)")
        }
        let all = (report.warnings + found).enumerated().sorted { ($0.element.cellIndex, $0.offset) < ($1.element.cellIndex, $1.offset) }.map(\.element)
        report.warnings = Array(all.prefix(ValidationReport.maxListed))
        report.warningsOmitted = all.count > ValidationReport.maxListed ? all.count - ValidationReport.maxListed : nil
        return report
    }
}
