/// Which credential variables the notebook will see: NAMES only, never values. Answers the
/// credentials guide's "KeyError: 'AWS_ACCESS_KEY_ID'" question (env, envFrom, External Secrets
/// all end up as environment variables).
public enum CredentialNames {
    /// The names the credentials guide recommends (ADR-015).
    public static let conventional = [
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_REGION",
        "DB_HOST", "DB_PORT", "DB_NAME", "DB_USER", "DB_PASSWORD",
        "MLFLOW_TRACKING_URI", "MLFLOW_TRACKING_USERNAME", "MLFLOW_TRACKING_PASSWORD",
        "OPENAI_API_KEY", "HUGGINGFACE_TOKEN",
    ]
    static let hints = ["KEY", "SECRET", "TOKEN", "PASSWORD", "PASSWD", "CREDENTIAL", "AUTH"]

    public struct Summary: Sendable, Equatable, Codable {
        public var present: [String]
        public var missingConventional: [String]
    }

    public static func summarise(_ environment: [String: String]) -> Summary {
        let names = environment.keys.filter { !$0.hasPrefix("NBRUNNER_") }
        let credentialLike = names.filter { name in
            conventional.contains(name) || hints.contains { name.uppercased().contains($0) }
                || name.hasPrefix("AWS_") || name.hasPrefix("DB_") || name.hasPrefix("PG") || name.hasPrefix("MYSQL_")
        }
        return Summary(present: credentialLike.sorted(),
                       missingConventional: conventional.filter { environment[$0] == nil })
    }
}
