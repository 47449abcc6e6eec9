import Testing

@testable import NotebookRunner

@Suite struct PolicyResolverTests {
    /// What the operator sets on every pod (ADR-041): all five variables, `false` ones included.
    func operatorEnvironment(
        level: String, strict: String = "false", stderr: String = "false",
        warnings: String = "false", silent: String = "true"
    ) -> [String: String] {
        [
            "VALIDATION_LEVEL": level, "VALIDATION_STRICT_MODE": strict, "VALIDATION_FAIL_ON_STDERR": stderr,
            "VALIDATION_FAIL_ON_WARNINGS": warnings, "VALIDATION_DETECT_SILENT_FAILURES": silent,
        ]
    }

    func resolve(level: String? = nil, flags: [ValidationPolicy.Name: Bool] = [:], env: [String: String] = [:]) throws -> ValidationPolicy {
        try PolicyResolver.resolve(level: level, flags: flags, environment: env)
    }

    @Test func presets() throws {
        func on(_ p: ValidationPolicy) -> [Bool] { ValidationPolicy.Name.allCases.map { p[$0].enabled } }
        // order: stderr, warnings, strict, silent, hard-coded credentials
        #expect(on(try resolve()) == [false, false, false, true, false])
        #expect(try resolve().level == .development)
        #expect(try resolve().levelSource == "default")
        #expect(on(try resolve(level: "learning")) == [false, false, false, false, false])
        #expect(on(try resolve(level: "Staging")) == [false, true, false, true, false])
        #expect(on(try resolve(level: "production")) == [false, true, true, true, true])
        let production = try resolve(level: "production")
        #expect(production.stderrFails && production.warningsFail && production.strict)
        #expect(production.strictMode.source == "level production")
    }

    @Test func anOperatorFalseNeverWeakensAPreset() throws {
        let p = try resolve(env: operatorEnvironment(level: "production", silent: "false"))
        #expect(p.level == .production)
        #expect(p.levelSource == "VALIDATION_LEVEL")
        #expect(p.strictMode == .init(enabled: true, source: "level production"))
        #expect(p.failOnWarnings.enabled)
        #expect(p.detectSilentFailures == .init(enabled: true, source: "level production"))
    }

    @Test func anEnvironmentTrueStrengthensAPreset() throws {
        let p = try resolve(env: operatorEnvironment(level: "learning", stderr: "true", silent: "false"))
        #expect(p.failOnStderr == .init(enabled: true, source: "VALIDATION_FAIL_ON_STDERR"))
        #expect(!p.detectSilentFailures.enabled)
        let nbrunner = try resolve(env: ["NBRUNNER_STRICT": "yes", "VALIDATION_STRICT_MODE": "true"])
        #expect(nbrunner.strictMode == .init(enabled: true, source: "NBRUNNER_STRICT"))
    }

    @Test func theCommandLineDecidesBothWays() throws {
        let p = try resolve(
            level: "production", flags: [.strictMode: false, .failOnStderr: true],
            env: operatorEnvironment(level: "learning", strict: "true"))
        #expect(p.level == .production)
        #expect(p.levelSource == "--validation-level")
        #expect(p.strictMode == .init(enabled: false, source: "--no-strict"))
        #expect(p.failOnStderr == .init(enabled: true, source: "--fail-on-stderr"))
        #expect(try resolve(flags: [.detectSilentFailures: false]).detectSilentFailures.source == "--no-detect-silent-failures")
    }

    @Test func nbrunnersLevelWinsOverTheOperators() throws {
        let p = try resolve(env: ["NBRUNNER_VALIDATION_LEVEL": "staging", "VALIDATION_LEVEL": "learning"])
        #expect(p.level == .staging)
        #expect(p.levelSource == "NBRUNNER_VALIDATION_LEVEL")
        #expect(try resolve(env: ["VALIDATION_LEVEL": ""]).level == .development, "empty means unset")
    }

    @Test func badValuesNameTheirSource() {
        for (level, env, named) in [
            ("strictest", [String: String](), "--validation-level"),
            (nil, ["VALIDATION_LEVEL": "prod"], "VALIDATION_LEVEL"),
            (nil, ["VALIDATION_STRICT_MODE": "maybe"], "VALIDATION_STRICT_MODE"),
            (nil, ["NBRUNNER_FAIL_ON_WARNINGS": "2"], "NBRUNNER_FAIL_ON_WARNINGS"),
        ] as [(String?, [String: String], String)] {
            do {
                _ = try resolve(level: level, env: env)
                Issue.record("\(named) must be refused")
            } catch let failure as RunFailure {
                #expect(failure.category == .configurationError)
                #expect(failure.message.hasPrefix(named + ":"), "\(failure.message)")
            } catch {
                Issue.record("\(error)")
            }
        }
        // Checked even when a flag decides.
        #expect(throws: RunFailure.self) { try resolve(flags: [.strictMode: true], env: ["VALIDATION_STRICT_MODE": "sure"]) }
        // Every level is checked, even one a stronger source overrides.
        for (level, env, named) in [
            ("learning", ["VALIDATION_LEVEL": "paranoid"], "VALIDATION_LEVEL"),
            ("learning", ["NBRUNNER_VALIDATION_LEVEL": "paranoid"], "NBRUNNER_VALIDATION_LEVEL"),
            (nil, ["NBRUNNER_VALIDATION_LEVEL": "learning", "VALIDATION_LEVEL": "paranoid"], "VALIDATION_LEVEL"),
        ]
            as [(String?, [String: String], String)]
        {
            do {
                let p = try resolve(level: level, env: env)
                Issue.record("\(named) must be refused, got level \(p.level) from \(p.levelSource)")
            } catch let failure as RunFailure {
                #expect(failure.category == .configurationError)
                #expect(failure.message == "\(named): expected learning, development, staging, production, got 'paranoid'")
            } catch {
                Issue.record("\(error)")
            }
        }
    }
}
