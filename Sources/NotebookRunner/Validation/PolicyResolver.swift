/// Works out the effective ``ValidationPolicy`` from the command line, the `NBRUNNER_*`
/// variables and the operator's `VALIDATION_*` variables (ADR-041).
///
/// - The level: `--validation-level`, else `NBRUNNER_VALIDATION_LEVEL`, else `VALIDATION_LEVEL`,
///   else `development`.
/// - Each policy: a command-line flag decides outright, in either direction (`--strict`,
///   `--no-strict`). Otherwise the level's preset, which an environment value of `true` can
///   turn on but a `false` never turns off: the operator always sets all five variables,
///   `false` ones included, so a `false` from env only means "not asked for".
/// - Every value is checked (the three levels; booleans `1/true/yes`, `0/false/no`), even one
///   that changes nothing: a typo must not pass silently.
package enum PolicyResolver {
    /// The command-line flag and the variables of each policy (``RunOption/spec``).
    package static func names(_ policy: ValidationPolicy.Name) -> (flag: String, variables: [String]) {
        let spec = RunOption(policy: policy).spec
        return (spec.flag, spec.variables)
    }

    package static func resolve(
        level cliLevel: String?, flags: [ValidationPolicy.Name: Bool],
        environment: [String: String]
    ) throws(RunFailure) -> ValidationPolicy {
        func env(_ name: String) -> String? {
            guard let v = environment[name], !v.allSatisfy(\.isWhitespace) else { return nil }
            return v.trimmed
        }
        let expected = "expected " + ValidationLevel.allCases.map(\.rawValue).joined(separator: ", ")
        // Every source is parsed before one is chosen: a bad value fails even where a
        // stronger source decides.
        var levels: [(level: ValidationLevel, source: String)] = []
        if let raw = cliLevel {
            guard let parsed = ValidationLevel(text: raw.trimmed) else {
                throw RunFailure(.configurationError, "--validation-level: \(expected), got '\(raw)'")
            }
            levels.append((parsed, "--validation-level"))
        }
        for name in RunOption.validationLevel.spec.variables {
            guard let raw = env(name) else { continue }
            guard let parsed = ValidationLevel(text: raw) else {
                throw RunFailure(.configurationError, "\(name): \(expected), got '\(raw)'")
            }
            levels.append((parsed, name))
        }
        let (level, levelSource) = levels.first ?? (ValidationLevel.default, "default")
        var policy = ValidationPolicy(level: level, levelSource: levelSource)
        for name in ValidationPolicy.Name.allCases {
            let (flag, variables) = names(name)
            // Checked whatever the command line says.
            var fromEnvironment: String?
            for variable in variables {
                guard let raw = env(variable) else { continue }
                if try EnvironmentValue.bool(raw, name: variable), fromEnvironment == nil { fromEnvironment = variable }
            }
            if let cli = flags[name] {
                policy[name] = .init(enabled: cli, source: cli ? flag : "--no-" + flag.dropFirst(2))
            } else if !policy[name].enabled, let variable = fromEnvironment {
                policy[name] = .init(enabled: true, source: variable)
            }
        }
        return policy
    }
}
