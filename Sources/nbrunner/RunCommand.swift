import ArgumentParser
import NotebookRunner

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Execute a notebook through papermill and report an honest result.",
        discussion: """
            Checks the notebook, its parameters, the output folders, Python, papermill and the \
            kernel before any kernel starts; runs papermill with live output on stderr; then \
            writes the result JSON (--result), a compact termination message \
            (--termination-log, at most --termination-budget bytes) and, last on stdout, \
            "Results Summary:" followed by the result as one line of JSON.

            Every option has an environment equivalent (NBRUNNER_<NAME>, shown with each \
            option); the command line wins, except that --secret-env and --secret-file add \
            to their variables. Repeatable options take one value per line; \
            -p/-r take NAME=VALUE lines; NBRUNNER_PARAMETERS_YAML is one YAML document.

            Durations: 90s, 1h30m, 500ms (units ms, s, m, h). The ones passed to papermill \
            (--start-timeout, --cell-timeout) are rounded up to whole seconds.

            \(ExitCode.table)
            """)

    @OptionGroup var arguments: RunArguments

    func options() throws(RunFailure) -> RunOptions { try arguments.options() }
}
