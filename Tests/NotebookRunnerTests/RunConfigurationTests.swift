import Testing

@testable import NotebookRunner

@Suite struct RunConfigurationTests {
    func configuration(
        _ options: RunOptions, env: [String: String] = [:], workspace: Bool = false,
        terminationLog: Bool = false
    ) throws -> RunConfiguration {
        try RunConfiguration(
            options: options, environment: env, currentDirectory: "/home/u",
            isDirectory: { $0 == "/workspace" && workspace }, writableFile: { _ in terminationLog })
    }

    func options(_ notebook: String? = "nb/demo.ipynb") -> RunOptions {
        var o = RunOptions()
        o[.notebook] = notebook
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
        o[.output] = "cli.ipynb"
        let env = [
            "NBRUNNER_NOTEBOOK": "/w/n.ipynb", "NBRUNNER_OUTPUT": "/env/out.ipynb", "NBRUNNER_KERNEL": "ir",
            "NBRUNNER_PARAMETERS": "a=1\nb=x=y\n", "NBRUNNER_PARAMETERS_FILE": "/p1.yaml\n/p2.yaml",
            "NBRUNNER_PARAMETERS_YAML": "a: 1\nb: 2", "NBRUNNER_START_TIMEOUT": "1m30s",
            "NBRUNNER_TERMINATION_LOG": "", "NBRUNNER_TERMINATION_BUDGET": "2048",
        ]
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
        o[.timeout] = "0"
        o[.cellTimeout] = "500ms"
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
        o[.terminationLog] = ""
        #expect(try configuration(o, terminationLog: true).terminationLog == nil)
    }

    @Test func refusesToOverwriteTheNotebook() {
        var o = options()
        o[.output] = "nb/demo.ipynb"
        #expect(throws: RunFailure.self) { try configuration(o) }
    }

    @Test func badValuesNameTheFlagOrVariable() {
        var o = options()
        o[.startTimeout] = "soon"
        #expect(throws: RunFailure.self) { try configuration(o) }
        #expect(throws: RunFailure.self) { try configuration(options(), env: ["NBRUNNER_TERMINATION_BUDGET": "lots"]) }
        #expect(throws: RunFailure.self) { try configuration(options(), env: ["NBRUNNER_PARAMETERS": "novalue"]) }
        var small = options()
        small[.terminationBudget] = "10"
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
        o[.sandbox] = "off"
        #expect(try configuration(o, env: ["NBRUNNER_SANDBOX": "require"]).sandbox == .off, "the flag wins")
        o[.sandbox] = "strict"
        #expect(throws: RunFailure(.configurationError, "--sandbox: expected one of off, on, require, got 'strict'")) { try configuration(o) }
        #expect(throws: RunFailure(.configurationError, "NBRUNNER_SANDBOX: expected one of off, on, require, got 'yes'")) {
            try configuration(options(), env: ["NBRUNNER_SANDBOX": "yes"])
        }
    }

    @Test func validationGoldenAndJUnitFromFlagsAndEnvironment() throws {
        var o = options()
        o[.golden] = "golden/g.ipynb"
        o[list: .goldenIgnore] = [#"id=\d+"#]
        o[.junit] = "out/junit.xml"
        o[flag: .failOnStderr] = true
        let env = [
            "VALIDATION_LEVEL": "staging", "VALIDATION_STRICT_MODE": "false", "NBRUNNER_GOLDEN_STRATEGY": "exact",
            "NBRUNNER_FLOAT_TOLERANCE": "1e-3", "NBRUNNER_GOLDEN_IGNORE": "ignored: the flag wins",
            "NBRUNNER_GOLDEN_IGNORE_OUTPUT_TYPE": "display_data\nerror",
        ]
        let c = try configuration(o, env: env)
        #expect(c.validation.level == .staging)
        #expect(c.validation.failOnStderr == .init(enabled: true, source: "--fail-on-stderr"))
        #expect(!c.validation.strict)
        let golden = try #require(c.golden)
        #expect(golden.path == "/home/u/golden/g.ipynb")
        #expect(golden.strategy == .exact)
        #expect(golden.floatTolerance == 0.001)
        #expect(golden.ignorePatterns == [#"id=\d+"#])
        #expect(golden.ignoreOutputTypes == ["display_data", "error"])
        #expect(c.junit == "/home/u/out/junit.xml")
        let plain = try configuration(options())
        #expect(plain.golden == nil)
        #expect(plain.junit == nil)
        #expect(plain.validation == .standard)
        #expect(try configuration(options(), env: ["NBRUNNER_GOLDEN": "/g.ipynb", "NBRUNNER_JUNIT": "/j.xml"]).golden?.path == "/g.ipynb")
    }

    @Test func badValidationAndGoldenValuesExit2NamingTheirSource() {
        for (env, named) in [
            (["VALIDATION_LEVEL": "paranoid"], "VALIDATION_LEVEL"),
            (["NBRUNNER_FLOAT_TOLERANCE": "tiny"], "NBRUNNER_FLOAT_TOLERANCE"),
            (["NBRUNNER_GOLDEN_IGNORE": "ok\n(unclosed"], "NBRUNNER_GOLDEN_IGNORE"),
            (["NBRUNNER_GOLDEN_STRATEGY": "semantic"], "NBRUNNER_GOLDEN_STRATEGY"),
        ] {
            do {
                _ = try configuration(options(), env: env)
                Issue.record("\(named) must be refused")
            } catch let error as RunFailure {
                #expect(error.category.exitCode == 2)
                #expect(error.message.hasPrefix(named), "\(error.message)")
            } catch {
                Issue.record("\(error)")
            }
        }
    }

    @Test func goldenAndJUnitMustNotCollideWithWhatTheRunWrites() {
        var o = options()
        o[.output] = "/w/out.ipynb"
        o[.golden] = "/w/out.ipynb"
        #expect(throws: RunFailure.self) { try configuration(o) }
        var j = options()
        j[.junit] = "nb/demo.result.json"
        #expect(throws: RunFailure.self) { try configuration(j) }
        var itself = options()
        itself[.golden] = "nb/demo.ipynb"  // a notebook committed with its outputs is its own golden
        #expect(throws: Never.self) { try configuration(itself) }
    }
}
