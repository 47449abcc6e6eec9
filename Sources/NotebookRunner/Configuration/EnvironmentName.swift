/// The `NBRUNNER_<NAME>` equivalent of every `nbrunner run` option. A command-line value wins
/// over the environment; repeatable options take one value per line.
public enum EnvironmentName {
    public static let notebook = "NBRUNNER_NOTEBOOK"
    public static let output = "NBRUNNER_OUTPUT"
    public static let result = "NBRUNNER_RESULT"
    public static let terminationLog = "NBRUNNER_TERMINATION_LOG"
    public static let terminationBudget = "NBRUNNER_TERMINATION_BUDGET"
    public static let parameters = "NBRUNNER_PARAMETERS"
    public static let parametersRaw = "NBRUNNER_PARAMETERS_RAW"
    public static let parametersFile = "NBRUNNER_PARAMETERS_FILE"
    public static let parametersYAML = "NBRUNNER_PARAMETERS_YAML"
    public static let kernel = "NBRUNNER_KERNEL"
    public static let cwd = "NBRUNNER_CWD"
    public static let startTimeout = "NBRUNNER_START_TIMEOUT"
    public static let python = "NBRUNNER_PYTHON"
    public static let timeout = "NBRUNNER_TIMEOUT"
    public static let cellTimeout = "NBRUNNER_CELL_TIMEOUT"
    public static let grace = "NBRUNNER_GRACE"
    public static let allowInstall = "NBRUNNER_ALLOW_INSTALL"
    public static let scratch = "NBRUNNER_SCRATCH"
}
