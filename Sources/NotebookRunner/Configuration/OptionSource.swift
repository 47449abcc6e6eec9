/// The value of each option as ``RunOption/spec`` says to find it: the command line's, else its
/// environment variable's (the operator configures pods through env), each with where it came
/// from (`--timeout` or `NBRUNNER_TIMEOUT`) so that an error names what to fix. Run, doctor and
/// the usage-failure path all read options through it.
package struct OptionSource: Sendable {
    package var options: RunOptions
    package var environment: [String: String]

    package init(options: RunOptions, environment: [String: String]) {
        self.options = options
        self.environment = environment
    }

    /// The option's variable that is set, and its value. Empty counts as unset unless the spec
    /// says an empty value means something.
    package func variable(_ option: RunOption) -> (value: String, name: String)? {
        let spec = option.spec
        for name in spec.variables {
            guard let value = environment[name] else { continue }
            if value.isEmpty && !spec.emptyIsValue { continue }
            return (value, name)
        }
        return nil
    }

    /// A one-value option: the command line's, else its variable's.
    package func value(_ option: RunOption) -> (value: String, flag: String)? {
        if let cli = options[option] { return (cli, option.spec.flag) }
        return variable(option).map { ($0.value, $0.name) }
    }

    package func text(_ option: RunOption) -> String? { value(option)?.value }

    /// A repeatable option: the command line's values, else the variable's (one per line, or
    /// names for ``OptionSpec/Kind/names``); an additive option takes both, the variable's first.
    package func list(_ option: RunOption) -> [(value: String, flag: String)] {
        let spec = option.spec
        let cli = options[list: option].map { ($0, spec.flag) }
        guard cli.isEmpty || spec.additive, let (raw, name) = variable(option) else { return cli }
        let values = spec.kind == .names ? EnvironmentValue.names(raw) : EnvironmentValue.list(raw)
        var fromEnvironment = values.map { ($0, name) }
        if spec.additive { fromEnvironment += cli.filter { value in !values.contains(value.0) } }
        return fromEnvironment
    }

    package func values(_ option: RunOption) -> [String] { list(option).map(\.value) }

    /// `-p`/`-r`: the command line's pairs, else the variable's `NAME=VALUE` lines.
    package func pairs(_ option: RunOption) throws(RunFailure) -> [Parameter] {
        let cli = options[pairs: option]
        guard cli.isEmpty, let (raw, name) = variable(option) else { return cli }
        return try EnvironmentValue.pairs(raw, name: name)
    }

    /// `-y`: the command line's documents, else the variable as ONE document.
    package func documents(_ option: RunOption) -> [String] {
        let cli = options[list: option]
        guard cli.isEmpty, let (raw, _) = variable(option) else { return cli }
        return [raw]
    }

    /// A flag: the command line's, else the variable's boolean, else off.
    package func flag(_ option: RunOption) throws(RunFailure) -> Bool {
        if let cli = options[flag: option] { return cli }
        guard let (raw, name) = variable(option) else { return false }
        return try EnvironmentValue.bool(raw, name: name)
    }

    /// A duration option, checked by the spec's rule for `0`; nil when not given or when `0`
    /// means none.
    package func duration(_ option: RunOption) throws(RunFailure) -> RunDuration? {
        guard let (raw, origin) = value(option) else { return nil }
        let zero = option.spec.duration ?? .refused
        let parsed: RunDuration
        do throws(RunDuration.ParseError) {
            parsed = try RunDuration.parse(raw, allowZero: zero != .refused)
        } catch {
            throw RunFailure(.configurationError, "\(origin): \(error.reason)")
        }
        return parsed.isZero && zero == .noDeadline ? nil : parsed
    }

    /// A choice (`--sandbox`, `--log-stream`); nil when not given. A bad value names where it
    /// came from.
    package func choice<Choice: RawRepresentable<String>>(_ option: RunOption, as type: Choice.Type = Choice.self) throws(RunFailure) -> Choice? {
        guard let (raw, origin) = value(option) else { return nil }
        guard let choice = Choice(rawValue: raw) else {
            let choices = (option.spec.choices ?? []).joined(separator: ", ")
            throw RunFailure(.configurationError, "\(origin): expected one of \(choices), got '\(raw)'")
        }
        return choice
    }
}
