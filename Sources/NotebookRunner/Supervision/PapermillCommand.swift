/// The papermill command line nbrunner runs, through ``PapermillLauncher`` (`python -c`): both
/// paths always given (papermill writes the
/// notebook to stdout when the output path is missing and stdout is not a TTY), no tqdm bar
/// (its `\r` redraws garble `kubectl logs`), `--log-output` for live cell output framed by
/// `Executing Cell N` lines, and `--cwd` so the kernel starts in the notebook's folder.
package struct PapermillCommand: Sendable, Equatable {
    package var executable: String
    package var arguments: [String]

    package init(python: String, configuration c: RunConfiguration) {
        executable = python
        var args = [
            "-c", PapermillLauncher.source, String(c.saveEvery.milliseconds / 1000),
            Self.literalPath(c.notebook), Self.literalPath(c.output),
            "--no-progress-bar", "--log-output", "--log-level", "INFO",
            "--cwd", c.cwd,
        ]
        if let kernel = c.kernel { args += ["--kernel", kernel] }
        if let start = c.startTimeout { args += ["--start-timeout", String(start.papermillSeconds)] }
        if let cell = c.cellTimeout { args += ["--execution-timeout", String(cell.papermillSeconds)] }
        // papermill merges in a fixed order whatever the argument order: files, then YAML
        // strings, then -p, then -r; later wins.
        for file in c.parameterFiles { args += ["--parameters_file", file] }
        for yaml in c.parameterYAML { args += ["--parameters_yaml", yaml] }
        for p in c.parameters { args += ["--parameters", p.name, p.value] }
        for p in c.rawParameters { args += ["--parameters_raw", p.name, p.value] }
        arguments = args
    }

    /// papermill formats the input and output paths with the parameters (`str.format`, so
    /// `reports/{region}.ipynb` would need a parameter `region`); nbrunner's paths are literal,
    /// so their braces are doubled. The parameter files and `--cwd` are not formatted.
    static func literalPath(_ path: String) -> String {
        path.replacing("{", with: "{{").replacing("}", with: "}}")
    }
}
