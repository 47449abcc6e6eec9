/// One option of `nbrunner run` (and `nbrunner doctor`), declared once in ``RunOption/spec``:
/// its command-line names, its environment variables, how its value is read, its help text
/// and its default. The command line, the environment fallback (``OptionSource``), `--help`,
/// doctor and the salvage path of a bad command line all read it from there.
package struct OptionSpec: Sendable {
    /// How a value is read, on the command line and from a variable.
    package enum Kind: Sendable, Equatable {
        /// One value. A variable's empty value counts as unset unless ``emptyIsValue``.
        case value
        /// Repeatable; a variable holds one value per line.
        case list
        /// Repeatable; a variable holds names separated by line ends, commas or spaces.
        case names
        /// Repeatable `NAME VALUE` pairs (`-p`, `-r`); a variable holds `NAME=VALUE` lines.
        case pairs
        /// Repeatable; a variable holds ONE YAML document (YAML spans lines).
        case document
        /// On when given; a variable holds `1/true/yes` or `0/false/no`.
        case flag
        /// A validation policy: `--x`/`--no-x` decide both ways; a variable can only turn it on
        /// (``PolicyResolver``).
        case policy(ValidationPolicy.Name)
        /// The validation level: the first of the command line and the variables that is set
        /// (``PolicyResolver``).
        case level
    }

    /// What `0` means for a duration option.
    package enum Zero: Sendable, Equatable {
        /// Refused: the duration must be more than 0.
        case refused
        /// A duration of 0 (`--grace 0`, `--save-every 0`).
        case allowed
        /// No duration at all (`--timeout 0`: no deadline).
        case noDeadline
    }

    package var kind: Kind
    /// The long flag without its dashes (`output`); nil for the notebook argument and for a
    /// variable without an option (`NBRUNNER_SCRATCH`).
    package var long: String?
    /// The short flag (`p` for `-p`).
    package var short: Character?
    /// The environment variables, in order of precedence: `NBRUNNER_*` first, then the
    /// operator's `VALIDATION_*` equivalent where there is one.
    package var variables: [String]
    /// The value's placeholder in `--help` (`path`, `duration`).
    package var valueName: String?
    /// What the option does, for `--help` (the default and the variables are added).
    package var help: String
    /// How a variable holds the value when that is not obvious (`NAME=VALUE lines`).
    package var variableNote: String?
    /// The default when it is one value (`5s`, `on`); `--help` says it.
    package var defaultValue: String?
    /// A duration option, and what `0` means for it.
    package var duration: Zero?
    /// The accepted values of a choice (`--sandbox off|on|require`).
    package var choices: [String]?
    /// An empty variable is a value (`''` turns the termination message off) instead of unset.
    package var emptyIsValue = false
    /// Command-line values are added to the variable's instead of replacing them: a controller's
    /// `NBRUNNER_SECRET_ENV` must not be lost when a user passes `--secret-env`.
    package var additive = false

    package init(
        _ kind: Kind, long: String?, short: Character? = nil, variables: [String], valueName: String? = nil,
        help: String, variableNote: String? = nil, defaultValue: String? = nil, duration: Zero? = nil,
        choices: [String]? = nil, emptyIsValue: Bool = false, additive: Bool = false
    ) {
        self.kind = kind
        self.long = long
        self.short = short
        self.variables = variables
        self.valueName = valueName
        self.help = help
        self.variableNote = variableNote
        self.defaultValue = defaultValue
        self.duration = duration
        self.choices = choices
        self.emptyIsValue = emptyIsValue
        self.additive = additive
    }

    /// `--output`; `NOTEBOOK` for the argument.
    package var flag: String { long.map { "--" + $0 } ?? "NOTEBOOK" }

    /// The `--help` text: what it does, the default, the variables.
    package var helpText: String {
        var text = help
        if let defaultValue { text += " Default: \(defaultValue)." }
        text += " Env: " + variables.joined(separator: ", ")
        if let variableNote { text += " (\(variableNote))" }
        return text + "."
    }
}
