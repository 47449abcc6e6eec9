import FoundationEssentials
import Testing

@testable import NotebookRunner

/// The option table (``RunOption/spec``) is the only declaration of an option: every variable
/// it names takes effect, and docs/usage.md lists exactly its variables.
@Suite struct OptionTableTests {
    /// A valid value that differs from the default, variables it needs beside it (in both the
    /// run with and the run without it), and how to see that it took effect.
    struct Sample {
        var value: String
        var context: [String: String] = [:]
        var tookEffect: (Effects) -> Bool
    }

    /// What a set of variables changes: the run's configuration and its environment plan.
    struct Effects {
        var configuration: RunConfiguration
        var scratch: String?
    }

    static let notebook = "/nb/demo.ipynb"
    static let scratchFolder = temporaryDirectory()

    /// One sample per option; the switch is exhaustive, so a new option needs one.
    static func sample(_ option: RunOption, variable: String) -> Sample {
        switch option {
        case .notebook: Sample(value: "/elsewhere/other.ipynb") { $0.configuration.notebook == "/elsewhere/other.ipynb" }
        case .output: Sample(value: "/out/o.ipynb") { $0.configuration.output == "/out/o.ipynb" }
        case .result: Sample(value: "/out/r.json") { $0.configuration.result == "/out/r.json" }
        case .terminationLog: Sample(value: "/out/termination") { $0.configuration.terminationLog == "/out/termination" }
        case .terminationBudget: Sample(value: "2048") { $0.configuration.terminationBudget == 2048 }
        case .parameters: Sample(value: "a=1\nb=x=y") { $0.configuration.parameters == [.init(name: "a", value: "1"), .init(name: "b", value: "x=y")] }
        case .parametersRaw: Sample(value: "s=01") { $0.configuration.rawParameters == [.init(name: "s", value: "01")] }
        case .parametersFile: Sample(value: "/p/one.yaml\n/p/two.yaml") { $0.configuration.parameterFiles == ["/p/one.yaml", "/p/two.yaml"] }
        case .parametersYAML: Sample(value: "a: 1\nb: [2, 3]") { $0.configuration.parameterYAML == ["a: 1\nb: [2, 3]"] }
        case .kernel: Sample(value: "ir") { $0.configuration.kernel == "ir" }
        case .cwd: Sample(value: "/data") { $0.configuration.cwd == "/data" }
        case .startTimeout: Sample(value: "90s") { $0.configuration.startTimeout?.papermillSeconds == 90 }
        case .python: Sample(value: "/opt/py/bin/python3") { $0.configuration.python == "/opt/py/bin/python3" }
        case .timeout: Sample(value: "1h30m") { $0.configuration.timeout?.milliseconds == 5_400_000 }
        case .cellTimeout: Sample(value: "500ms") { $0.configuration.cellTimeout?.milliseconds == 500 }
        case .grace: Sample(value: "0") { $0.configuration.grace.isZero }
        case .sandbox: Sample(value: "require") { $0.configuration.sandbox == .require }
        case .validationLevel:
            Sample(value: "staging") { $0.configuration.validation.level == .staging && $0.configuration.validation.levelSource == variable }
        case .failOnStderr, .failOnWarnings, .strict, .failOnHardcodedCredentials, .detectSilentFailures:
            // Off at level learning, so that a variable that can only turn it on shows.
            Sample(value: "true", context: ["VALIDATION_LEVEL": "learning"]) {
                guard case .policy(let name) = option.spec.kind else { return false }
                return $0.configuration.validation[name] == .init(enabled: true, source: variable)
            }
        case .golden: Sample(value: "/g/golden.ipynb") { $0.configuration.golden?.path == "/g/golden.ipynb" }
        case .goldenStrategy: Sample(value: "exact", context: ["NBRUNNER_GOLDEN": "/g.ipynb"]) { $0.configuration.golden?.strategy == .exact }
        case .goldenIgnore:
            Sample(value: #"id=\d+"# + "\n" + "at 0x[0-9a-f]+", context: ["NBRUNNER_GOLDEN": "/g.ipynb"]) {
                $0.configuration.golden?.ignorePatterns == [#"id=\d+"#, "at 0x[0-9a-f]+"]
            }
        case .floatTolerance: Sample(value: "1e-6", context: ["NBRUNNER_GOLDEN": "/g.ipynb"]) { $0.configuration.golden?.floatTolerance == 1e-6 }
        case .goldenIgnoreOutputType:
            Sample(value: "stream\nerror", context: ["NBRUNNER_GOLDEN": "/g.ipynb"]) { $0.configuration.golden?.ignoreOutputTypes == ["stream", "error"] }
        case .junit: Sample(value: "/out/junit.xml") { $0.configuration.junit == "/out/junit.xml" }
        case .allowInstall: Sample(value: "yes") { $0.configuration.allowInstall }
        case .envFile: Sample(value: "/vault/a.env\n/vault/b.env") { $0.configuration.envFiles == ["/vault/a.env", "/vault/b.env"] }
        case .secretsDir: Sample(value: "") { $0.configuration.secretsDir == "" }
        case .secretsWait: Sample(value: "2m") { $0.configuration.secretsWait?.milliseconds == 120_000 }
        case .secretEnv: Sample(value: "API_TOKEN, DB_DSN\nOTHER") { $0.configuration.secretEnv == ["API_TOKEN", "DB_DSN", "OTHER"] }
        case .secretFile: Sample(value: "/var/run/secrets/key.json") { $0.configuration.secretFiles == ["/var/run/secrets/key.json"] }
        case .noOverrideEnv: Sample(value: "1") { !$0.configuration.overrideEnvironment }
        case .noRedactNotebook: Sample(value: "TRUE") { !$0.configuration.redactNotebook }
        case .saveEvery: Sample(value: "0") { $0.configuration.saveEvery.isZero }
        case .logStream: Sample(value: "stderr") { $0.configuration.logStream == .stderr }
        case .scratch: Sample(value: scratchFolder) { $0.scratch == scratchFolder }
        }
    }

    static func effects(_ environment: [String: String]) throws -> Effects {
        let configuration = try RunConfiguration(
            options: RunOptions(), environment: environment, currentDirectory: "/home/u",
            isDirectory: { _ in false }, writableFile: { _ in false })
        let plan = EnvironmentSetup(environment: environment, identity: Identity.current(), dryRun: true).plan()
        return Effects(configuration: configuration, scratch: plan.report.scratch)
    }

    /// Each variable of the table, set alone (with what it needs) to a valid value that is not
    /// the default, changes the run's configuration; without it, the same check fails.
    @Test(arguments: RunOption.variables)
    func everyVariableTakesEffect(_ variable: String) throws {
        let option = try #require(RunOption.allCases.first { $0.spec.variables.contains(variable) })
        let sample = Self.sample(option, variable: variable)
        let base = ["NBRUNNER_NOTEBOOK": Self.notebook].merging(sample.context) { $1 }
        let with = base.merging([variable: sample.value]) { $1 }
        #expect(sample.tookEffect(try Self.effects(with)), "\(variable)=\(sample.value) did not take effect")
        #expect(!sample.tookEffect(try Self.effects(base)), "the check of \(variable) passes without it")
    }

    /// A bad value of a variable is an error that names the variable (a typo must not pass).
    @Test func badValuesNameTheirVariable() throws {
        for option in RunOption.allCases {
            let bad: String? =
                switch option.spec.kind {
                case .flag, .policy: "maybe"
                case .level: "paranoid"
                case .pairs: "no-equals-sign"
                default: option.spec.duration != nil || option.spec.choices != nil || option == .terminationBudget ? "bogus" : nil
                }
            guard let bad else { continue }
            for variable in option.spec.variables {
                let environment = ["NBRUNNER_NOTEBOOK": Self.notebook, variable: bad]
                #expect(throws: RunFailure.self, "\(variable)=\(bad)") { try Self.effects(environment) }
                do {
                    _ = try Self.effects(environment)
                } catch let failure as RunFailure {
                    #expect(failure.category == .configurationError)
                    #expect(failure.message.hasPrefix(variable), "\(failure.message)")
                }
            }
        }
    }

    /// Names are unique, variables are the documented families, and the command line wins.
    @Test func theTableIsConsistent() throws {
        let variables = RunOption.variables
        #expect(Set(variables).count == variables.count, "a variable is declared twice")
        #expect(variables.allSatisfy { $0.hasPrefix("NBRUNNER_") || $0.hasPrefix("VALIDATION_") })
        let flags = RunOption.allCases.compactMap(\.spec.long)
        #expect(Set(flags).count == flags.count, "a flag is declared twice")
        for option in RunOption.allCases {
            #expect(option.spec.helpText.contains("Env: \(option.variable)"), "\(option)")
            if let value = option.spec.defaultValue { #expect(option.spec.helpText.contains("Default: \(value).")) }
        }
        var options = RunOptions()
        options[.output] = "/cli.ipynb"
        let source = OptionSource(options: options, environment: ["NBRUNNER_OUTPUT": "/env.ipynb"])
        #expect(source.value(.output)! == ("/cli.ipynb", "--output"))
    }

    /// A controller's secret names and files must survive a user's `--secret-env`/`--secret-file`:
    /// those add to the variables, where every other list option replaces its variable.
    @Test func secretNamesAndFilesFromTheCommandLineAreAdded() throws {
        var options = RunOptions()
        options[.notebook] = Self.notebook
        options[list: .secretEnv] = ["USER_TOKEN", "DB_DSN"]
        options[list: .secretFile] = ["/user/key.json"]
        options[list: .envFile] = ["/user/a.env"]
        let environment = [
            "NBRUNNER_SECRET_ENV": "DB_DSN, CONTROLLER_SECRET", "NBRUNNER_SECRET_FILE": "/controller/key.json",
            "NBRUNNER_ENV_FILE": "/controller/b.env",
        ]
        let c = try RunConfiguration(options: options, environment: environment, currentDirectory: "/home/u", isDirectory: { _ in false })
        #expect(c.secretEnv == ["DB_DSN", "CONTROLLER_SECRET", "USER_TOKEN"])
        #expect(c.secretFiles == ["/controller/key.json", "/user/key.json"])
        #expect(c.envFiles == ["/user/a.env"], "other list options still replace their variable")
        #expect(RunOption.allCases.filter(\.spec.additive) == [.secretEnv, .secretFile])
    }

    /// docs/usage.md's options table names exactly the table's variables.
    @Test func theUsageReferenceListsTheSameVariables() throws {
        var root = #filePath
        for _ in 0..<3 { root = FileSystem.parent(root) }
        let usage = try String(contentsOfFile: "\(root)/docs/usage.md", encoding: .utf8)
        let options = try #require(usage.firstRange(of: "## Options")).upperBound
        let end = usage[options...].firstRange(of: "\n## ")?.lowerBound ?? usage.endIndex
        let rows = usage[options..<end].split(separator: "\n").filter { $0.hasPrefix("| ") }
        var documented = Set<String>()
        for row in rows {
            for match in row.matches(of: /`((?:NBRUNNER|VALIDATION)_[A-Z_]+)`/) { documented.insert(String(match.output.1)) }
        }
        let declared = Set(RunOption.variables)
        #expect(declared.subtracting(documented).isEmpty, "not in docs/usage.md: \(declared.subtracting(documented).sorted())")
        #expect(documented.subtracting(declared).isEmpty, "not in the option table: \(documented.subtracting(declared).sorted())")
    }
}
