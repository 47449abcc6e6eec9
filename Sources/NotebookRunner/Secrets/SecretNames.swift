/// Which inherited variable NAMES say they hold a secret, so their values are redacted: the
/// standard variables of the services in the credentials guide (docs/secrets.md has the table),
/// by the words they are made of. `--secret-env NAME` marks any other variable.
///
/// - anywhere in the name: `PASSWORD`, `PASSWD`, `PASSPHRASE`, `SECRET`, `CREDENTIAL`,
///   `API_KEY`/`APIKEY`, `PRIVATE_KEY`, `ACCESS_KEY`, `CONNECTION_STRING`/`CONNSTR`;
/// - as a word (between `_`): `TOKEN(S)`, `PASS`, `PWD` (not the shell's own `PWD`/`OLDPWD`),
///   `AUTH`, `AUTHORIZATION`, `PAT`, `DSN`, `SAS`, `COOKIE`, `SESSION`+`KEY`;
/// - a name ending in `_KEY` or `_KEY_ID`;
/// - a URL naming a database or broker (`DATABASE_URL`, `REDIS_URL`, `MONGODB_URI`,
///   `SQLALCHEMY_DATABASE_URI`, `CELERY_BROKER_URL`): it carries the password.
///
/// Not secret: `TOKENIZERS_PARALLELISM`, `KEYBOARD`, `SSH_AUTH_SOCK`, `DB_USER`, `DB_HOST`,
/// `MLFLOW_TRACKING_URI`.
enum SecretNames {
    static let fragments = [
        "PASSWORD", "PASSWD", "PASSPHRASE", "SECRET", "CREDENTIAL", "API_KEY", "APIKEY",
        "PRIVATE_KEY", "ACCESS_KEY", "CONNECTION_STRING", "CONNSTR", "CONN_STR",
    ]
    static let words: Set<Substring> = ["TOKEN", "TOKENS", "PASS", "PWD", "AUTH", "AUTHORIZATION", "PAT", "DSN", "SAS", "COOKIE"]
    static let urlWords: Set<Substring> = [
        "DATABASE", "DB", "REDIS", "MONGO", "MONGODB", "POSTGRES", "POSTGRESQL", "PG",
        "MYSQL", "MARIADB", "AMQP", "BROKER", "RABBITMQ", "SNOWFLAKE", "SQLALCHEMY", "CACHE",
    ]
    static let notSecret: Set<String> = ["PWD", "OLDPWD", "SSH_AUTH_SOCK", "TOKENIZERS_PARALLELISM"]

    static func looksSecret(_ name: String) -> Bool {
        let n = name.uppercased()
        guard !notSecret.contains(n) else { return false }
        let parts = n.split(separator: "_")
        if fragments.contains(where: { n.contains($0) }) { return true }
        if parts.contains(where: { words.contains($0) }) { return true }
        if n.hasSuffix("_KEY") || n.hasSuffix("_KEY_ID") { return true }
        if let last = parts.last, last == "URL" || last == "URI", parts.dropLast().contains(where: { urlWords.contains($0) }) {
            return true
        }
        return false
    }
}
