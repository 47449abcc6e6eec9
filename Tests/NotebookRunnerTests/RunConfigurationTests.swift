import Testing
@testable import NotebookRunner

@Suite struct RunConfigurationTests {
    func configuration(_ options: RunOptions, env: [String: String] = [:], workspace: Bool = false,
                       terminationLog: Bool = false) throws -> RunConfiguration {
        try RunConfiguration(options: options, environment: env, currentDirectory: "/home/u",
                             isDirectory: { $0 == "/workspace" && workspace }, writableFile: { _ in terminationLog })
    }

    func options(_ notebook: String? = "nb/demo.ipynb") -> RunOptions {
        var o = RunOptions()
        o.notebook = notebook
        return o
    }

    @Test func defaultsBesideTheNotebookOutsideAPod() throws {
        let c = try configuration(options())
        #expect(c.notebook == "/home/u/nb/demo.ipynb")
        #expect(c.output == "/home/u/nb/demo.output.ipynb")
        #expect(c.result == "/home/u/nb/demo.result.json")
        #expect(c.cwd == "/home/u/nb")
        #expect(c.terminationLog == nil)
        #expect(c.terminationBudget == 4096)
    }

    @Test func podDefaultsWhenWorkspaceExists() throws {
        let c = try configuration(options(), workspace: true, terminationLog: true)
        #expect(c.output == "/workspace/output.ipynb")
        #expect(c.result == "/workspace/results.json")
        #expect(c.terminationLog == "/dev/termination-log")
    }

    @Test func environmentFillsWhatTheCommandLineLeftOut() throws {
        var o = options(nil)
        o.output = "cli.ipynb"
        let env = ["NBRUNNER_NOTEBOOK": "/w/n.ipynb", "NBRUNNER_OUTPUT": "/env/out.ipynb", "NBRUNNER_KERNEL": "ir",
                   "NBRUNNER_PARAMETERS": "a=1\nb=x=y\n", "NBRUNNER_PARAMETERS_FILE": "/p1.yaml\n/p2.yaml",
                   "NBRUNNER_PARAMETERS_YAML": "a: 1\nb: 2", "NBRUNNER_START_TIMEOUT": "1m30s",
                   "NBRUNNER_TERMINATION_LOG": "", "NBRUNNER_TERMINATION_BUDGET": "2048"]
        let c = try configuration(o, env: env, terminationLog: true)
        #expect(c.notebook == "/w/n.ipynb")
        #expect(c.output == "/home/u/cli.ipynb")
        #expect(c.kernel == "ir")
        #expect(c.parameters == [Parameter(name: "a", value: "1"), Parameter(name: "b", value: "x=y")])
        #expect(c.parameterFiles == ["/p1.yaml", "/p2.yaml"])
        #expect(c.parameterYAML == ["a: 1\nb: 2"])
        #expect(c.startTimeout?.papermillSeconds == 90)
        #expect(c.terminationLog == nil)
        #expect(c.terminationBudget == 2048)
    }

    @Test func deadlinesZeroMeansOffAndGraceDefaultsTo20s() throws {
        var o = options()
        o.timeout = "0"
        o.cellTimeout = "500ms"
        let c = try configuration(o)
        #expect(c.timeout == nil)
        #expect(c.cellTimeout?.papermillSeconds == 1)
        #expect(c.grace == RunConfiguration.defaultGrace)
        let fromEnv = try configuration(options(), env: ["NBRUNNER_TIMEOUT": "1h30m", "NBRUNNER_GRACE": "5s"])
        #expect(fromEnv.timeout?.milliseconds == 5_400_000)
        #expect(fromEnv.grace.milliseconds == 5000)
        #expect(PapermillCommand(python: "/py", configuration: c).arguments.contains("--execution-timeout"))
        #expect(throws: RunFailure.self) { try configuration(options(), env: ["NBRUNNER_TIMEOUT": "forever"]) }
    }

    @Test func emptyTerminationLogDisablesIt() throws {
        var o = options()
        o.terminationLog = ""
        #expect(try configuration(o, terminationLog: true).terminationLog == nil)
    }

    @Test func refusesToOverwriteTheNotebook() {
        var o = options()
        o.output = "nb/demo.ipynb"
        #expect(throws: RunFailure.self) { try configuration(o) }
    }

    @Test func badValuesNameTheFlagOrVariable() {
        var o = options()
        o.startTimeout = "soon"
        #expect(throws: RunFailure.self) { try configuration(o) }
        #expect(throws: RunFailure.self) { try configuration(options(), env: ["NBRUNNER_TERMINATION_BUDGET": "lots"]) }
        #expect(throws: RunFailure.self) { try configuration(options(), env: ["NBRUNNER_PARAMETERS": "novalue"]) }
        var small = options()
        small.terminationBudget = 10
        #expect(throws: RunFailure.self) { try configuration(small) }
        #expect(throws: RunFailure.self) { try configuration(options(nil)) }
    }

    @Test func booleansAcceptTheDocumentedSpellings() throws {
        for yes in ["1", "true", "YES"] { #expect(try EnvironmentValue.bool(yes, name: "X")) }
        for no in ["0", "False", "no"] { #expect(try !EnvironmentValue.bool(no, name: "X")) }
        #expect(throws: RunFailure.self) { try EnvironmentValue.bool("maybe", name: "X") }
    }

    @Test func sandboxDefaultsToOnAndNamesItsSourceWhenWrong() throws {
        #expect(try configuration(options()).sandbox == .on)
        #expect(try configuration(options(), env: ["NBRUNNER_SANDBOX": "require"]).sandbox == .require)
        var o = options()
        o.sandbox = "off"
        #expect(try configuration(o, env: ["NBRUNNER_SANDBOX": "require"]).sandbox == .off, "the flag wins")
        o.sandbox = "strict"
        #expect(throws: RunFailure(.configurationError, "--sandbox: expected one of off, on, require, got 'strict'")) { try configuration(o) }
        #expect(throws: RunFailure(.configurationError, "NBRUNNER_SANDBOX: expected one of off, on, require, got 'yes'")) {
            try configuration(options(), env: ["NBRUNNER_SANDBOX": "yes"])
        }
    }
}
