/// Which credential variables the notebook will see: NAMES only, never values. Answers the
/// credentials guide's "KeyError: 'AWS_ACCESS_KEY_ID'" question (env, envFrom, External Secrets
/// all end up as environment variables), and which of them a run would mask.
package enum CredentialNames {
    /// The names the credentials guide recommends (ADR-015).
    package static let conventional = [
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION",
        "DB_HOST", "DB_PORT", "DB_NAME", "DB_USER", "DB_PASSWORD",
        "MLFLOW_TRACKING_URI", "MLFLOW_TRACKING_USERNAME", "MLFLOW_TRACKING_PASSWORD",
        "OPENAI_API_KEY", "HUGGINGFACE_TOKEN",
    ]
    static let hints = ["KEY", "SECRET", "TOKEN", "PASSWORD", "PASSWD", "CREDENTIAL", "AUTH"]

    package struct Summary: Sendable, Equatable, Codable {
        package var present: [String]
        package var missingConventional: [String]
        /// Inherited variables whose values a run masks: secret-looking names and `--secret-env`.
        package var masked: [String] = []
        /// `--secret-env` names that are not set.
        package var secretEnvMissing: [String] = []
        /// `--secret-file` paths (their contents are never read here).
        package var secretFiles: [String] = []
    }

    package static func summarise(_ environment: [String: String], secretEnv: [String] = [], secretFiles: [String] = []) -> Summary {
        let names = environment.keys.filter { !$0.hasPrefix("NBRUNNER_") }
        let credentialLike = names.filter { name in
            conventional.contains(name) || hints.contains { name.uppercased().contains($0) } || Redactor.looksSecret(name)
                || name.hasPrefix("AWS_") || name.hasPrefix("DB_") || name.hasPrefix("PG") || name.hasPrefix("MYSQL_")
                || secretEnv.contains(name)
        }
        let masked = Set(names.filter(Redactor.looksSecret) + secretEnv.filter { environment[$0] != nil })
        return Summary(
            present: credentialLike.sorted(),
            missingConventional: conventional.filter { environment[$0] == nil },
            masked: masked.sorted(), secretEnvMissing: secretEnv.filter { environment[$0] == nil },
            secretFiles: secretFiles)
    }
}
