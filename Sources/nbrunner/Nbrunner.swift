import ArgumentParser
import NotebookRunner

#if canImport(Glibc)
    import Glibc
#endif

struct Nbrunner: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nbrunner",
        abstract: "Run Jupyter notebooks in validation pods: preflight, papermill, honest results.",
        version: RunnerVersion.current,
        subcommands: [RunCommand.self, DoctorCommand.self],
        // A bare `nbrunner` (an ENTRYPOINT without arguments) runs from NBRUNNER_* env; never a
        // help page and exit 0, which the operator would read as a pass.
        defaultSubcommand: RunCommand.self)

    /// Whether the command line asks for help, the version or a completion script in so many
    /// words. The parser also reads a cluster of short flags that holds an `h` (`-dash`, a
    /// notebook name that starts with a dash) as `-h`: that must be an error with a result,
    /// never a help page and exit 0, which a controller would read as a pass.
    static func asksForHelp(_ arguments: ArraySlice<String>) -> Bool {
        let words: Set<String> = ["-h", "--help", "help", "--version", "--experimental-dump-help"]
        for argument in arguments {
            if argument == "--" { return false }
            if words.contains(argument) || argument.hasPrefix("--generate-completion-script") { return true }
        }
        return false
    }

    /// The error for a help request the user did not make (see ``asksForHelp(_:)``).
    static func misreadHelp(_ arguments: ArraySlice<String>) -> String {
        let cluster = arguments.first { $0.hasPrefix("-") && !$0.hasPrefix("--") && $0.count > 2 && $0.contains("h") }
        guard let cluster else { return "invalid arguments: read as a request for help, which was not asked for by -h or --help" }
        return "unknown option '\(cluster)' (a notebook path that starts with '-' goes after --: nbrunner run -- '\(cluster)')"
    }
}
