/// What the command line gave, before the environment and the defaults are applied: the raw
/// value of each ``RunOption`` that was given. ``OptionSource`` merges it with the environment;
/// `RunConfiguration` validates the result.
package struct RunOptions: Sendable, Equatable {
    /// One option's command-line value.
    package enum Value: Sendable, Equatable {
        case text(String)
        case list([String])
        case pairs([Parameter])
        case flag(Bool)
    }

    var values: [RunOption: Value] = [:]

    package init() {}

    /// A one-value option (`--output PATH`); nil when not given.
    package subscript(option: RunOption) -> String? {
        get {
            guard case .text(let text)? = values[option] else { return nil }
            return text
        }
        set { values[option] = newValue.map(Value.text) }
    }

    /// A repeatable option (`--env-file PATH`…); empty when not given.
    package subscript(list option: RunOption) -> [String] {
        get {
            guard case .list(let list)? = values[option] else { return [] }
            return list
        }
        set { values[option] = newValue.isEmpty ? nil : .list(newValue) }
    }

    /// `-p`/`-r` pairs; empty when not given.
    package subscript(pairs option: RunOption) -> [Parameter] {
        get {
            guard case .pairs(let pairs)? = values[option] else { return [] }
            return pairs
        }
        set { values[option] = newValue.isEmpty ? nil : .pairs(newValue) }
    }

    /// A flag (`--allow-install`, `--strict`/`--no-strict`); nil when not given.
    package subscript(flag option: RunOption) -> Bool? {
        get {
            guard case .flag(let on)? = values[option] else { return nil }
            return on
        }
        set { values[option] = newValue.map(Value.flag) }
    }

    /// The validation policies the command line decides (`--strict`, `--no-strict`, …).
    package var validationFlags: [ValidationPolicy.Name: Bool] {
        var flags: [ValidationPolicy.Name: Bool] = [:]
        for name in ValidationPolicy.Name.allCases {
            flags[name] = self[flag: RunOption(policy: name)]
        }
        return flags
    }
}
