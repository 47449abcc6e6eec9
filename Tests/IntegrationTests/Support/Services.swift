import FoundationEssentials

/// The services scripts/services.sh started (its env file, sourced by scripts/test.sh).
enum Services {
    static let environment = ProcessInfo.processInfo.environment
    static var available: Bool { environment["NBRUNNER_TEST_PG_PORT"] != nil && environment["NBRUNNER_TEST_S3_ENDPOINT"] != nil }
    static var pgPort: String { environment["NBRUNNER_TEST_PG_PORT"] ?? "" }
    static var pgPassword: String { environment["NBRUNNER_TEST_PG_PASSWORD"] ?? "" }
    static var s3Endpoint: String { environment["NBRUNNER_TEST_S3_ENDPOINT"] ?? "" }

    /// MariaDB, Redis and MLflow as well (SeedServiceTests).
    static var seedDatabasesAvailable: Bool {
        available
            && ["NBRUNNER_TEST_MYSQL_PORT", "NBRUNNER_TEST_REDIS_PORT", "NBRUNNER_TEST_MLFLOW_URI"].allSatisfy {
                environment[$0] != nil
            }
    }
    /// MariaDB's `features` database; the user `reader` may read it.
    static var mysqlPort: String { environment["NBRUNNER_TEST_MYSQL_PORT"] ?? "" }
    static var mysqlPassword: String { environment["NBRUNNER_TEST_MYSQL_PASSWORD"] ?? "" }
    /// Redis with `requirepass` (the default user).
    static var redisPort: String { environment["NBRUNNER_TEST_REDIS_PORT"] ?? "" }
    static var redisPassword: String { environment["NBRUNNER_TEST_REDIS_PASSWORD"] ?? "" }
    /// The MLflow tracking server with basic auth; the user `mlflow-user` is not an admin.
    static var mlflowURI: String { environment["NBRUNNER_TEST_MLFLOW_URI"] ?? "" }
    static var mlflowPassword: String { environment["NBRUNNER_TEST_MLFLOW_PASSWORD"] ?? "" }

    /// The tests' environment without the services' settings. Their passwords sit in variables
    /// named `NBRUNNER_TEST_…_PASSWORD`, which nbrunner masks by name: a run that inherits them
    /// would mask every service password even if the variable the notebook uses were not masked.
    static var runEnvironment: [String: String] {
        Nbrunner.inheritedEnvironment.filter { name, _ in
            !["PG", "S3", "MYSQL", "REDIS", "MLFLOW"].contains { name.hasPrefix("NBRUNNER_TEST_\($0)_") }
        }
    }
}
