/// The environment equivalents of the validation, golden-comparison and JUnit options: the
/// `NBRUNNER_<NAME>` of each option, and the operator's ADR-041 `VALIDATION_*` variables
/// (docs/validation.md), which it sets on every validation pod.
extension EnvironmentName {
    public static let validationLevel = "NBRUNNER_VALIDATION_LEVEL"
    public static let failOnStderr = "NBRUNNER_FAIL_ON_STDERR"
    public static let failOnWarnings = "NBRUNNER_FAIL_ON_WARNINGS"
    public static let strict = "NBRUNNER_STRICT"
    public static let detectSilentFailures = "NBRUNNER_DETECT_SILENT_FAILURES"
    public static let failOnHardcodedCredentials = "NBRUNNER_FAIL_ON_HARDCODED_CREDENTIALS"
    public static let golden = "NBRUNNER_GOLDEN"
    public static let goldenStrategy = "NBRUNNER_GOLDEN_STRATEGY"
    public static let goldenIgnore = "NBRUNNER_GOLDEN_IGNORE"
    public static let floatTolerance = "NBRUNNER_FLOAT_TOLERANCE"
    public static let goldenIgnoreOutputType = "NBRUNNER_GOLDEN_IGNORE_OUTPUT_TYPE"
    public static let junit = "NBRUNNER_JUNIT"

    /// The operator's names (`spec.validationConfig`).
    public static let operatorLevel = "VALIDATION_LEVEL"
    public static let operatorStrictMode = "VALIDATION_STRICT_MODE"
    public static let operatorFailOnStderr = "VALIDATION_FAIL_ON_STDERR"
    public static let operatorFailOnWarnings = "VALIDATION_FAIL_ON_WARNINGS"
    public static let operatorDetectSilentFailures = "VALIDATION_DETECT_SILENT_FAILURES"
}
