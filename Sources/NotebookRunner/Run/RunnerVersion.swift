/// nbrunner's version, printed by `nbrunner --version` and recorded in every result.
public enum RunnerVersion {
    public static let current = "0.1.0"
}
