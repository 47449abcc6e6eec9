import ArgumentParser
import NotebookRunner

/// The command-line side of ``RunOption/spec``: `RunArguments` takes each option's names and
/// help from the table, so `--help` shows the table's text, default and variables.
extension RunOption {
    /// `--output`, `-p`/`--parameters`, …
    var names: NameSpecification {
        let spec = spec
        var names: [NameSpecification.Element] = spec.long.map { [.customLong($0)] } ?? []
        if let short = spec.short { names.insert(.customShort(short), at: 0) }
        return NameSpecification(names)
    }

    var help: ArgumentHelp { ArgumentHelp(spec.helpText, valueName: spec.valueName) }
}
