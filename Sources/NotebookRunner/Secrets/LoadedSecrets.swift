/// What the secrets stage (``SecretsLoader/load(_:log:)``) produces: the environment with the
/// env files loaded into it (a copy of the inherited one; nbrunner's own is never changed), the
/// report for the result, and the ``Redactor`` every writer of the run uses from then on (the
/// log, the output notebook, validation findings, golden diffs, the result).
package struct LoadedSecrets: Sendable {
    package var environment: [String: String]
    package var report: SecretsReport
    package var redactor: Redactor
}
