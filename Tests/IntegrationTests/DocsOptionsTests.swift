import FoundationEssentials
import NotebookRunner
import Testing

/// The configuration reference (docs/usage.md#options) lists what `--help` lists: every option of
/// `nbrunner run` in a table row together with every variable `--help` names for it, and
/// `nbrunner doctor`'s own options in docs/usage.md and docs/doctor.md.
@Suite struct DocsOptionsTests {
    /// `--help` of a subcommand: pairs of (option, environment variable or nil).
    static func options(_ subcommand: String) async throws -> [(option: String, variable: String?)] {
        try await optionsWithVariables(subcommand).map { ($0.option, $0.variables.first) }
    }

    /// `--help` of a subcommand: each option with every variable its `Env:` names.
    static func optionsWithVariables(_ subcommand: String) async throws -> [(option: String, variables: [String])] {
        let run = try await Nbrunner.raw([subcommand, "--help"])
        #expect(run.exitCode == 0)
        let help = run.stdout + run.stderr  // doctor prints its help on stderr
        let section = try #require(help.firstRange(of: "OPTIONS:")).upperBound
        var entries: [(String, [String])] = []
        var current: (String, String)?
        func flush() {
            guard let (option, text) = current else { return }
            let env = text.firstRange(of: "Env: ").map { text[$0.upperBound...] } ?? ""
            let variables = env.matches(of: /(?:NBRUNNER|VALIDATION)_[A-Z_]+/).map { String($0.output) }
            entries.append((option, variables))
            current = nil
        }
        for line in help[section...].split(separator: "\n") {
            // An option starts a line: "  -p, --parameters <name value>" or "  --output <path>  text".
            if let match = line.firstMatch(of: /^  (?:-[a-z], )?(--[a-z][a-z-]*)/) {
                flush()
                current = (String(match.output.1), String(line))
            } else if current != nil {
                current!.1 += " " + line
            }
        }
        flush()
        return entries.filter { !["--help", "--version"].contains($0.0) }
    }

    @Test func everyRunOptionIsInTheOptionsTable() async throws {
        let usage = try String(contentsOfFile: "\(Paths.root)/docs/usage.md", encoding: .utf8)
        let rows = usage.split(separator: "\n").filter { $0.hasPrefix("| ") }
        let options = try await Self.optionsWithVariables("run")
        #expect(options.count >= 20, "\(options)")
        for (option, variables) in options {
            // The option's own row: the option in the first column (other rows may mention it).
            let row = rows.first { row in
                let first = row.split(separator: "|", omittingEmptySubsequences: true).first ?? ""
                return first.contains("`\(option)`") || first.contains("`\(option) ")
            }
            #expect(row != nil, "docs/usage.md has no table row for \(option)")
            if !variables.isEmpty {
                for variable in variables {
                    #expect(row?.contains("`\(variable)`") == true, "the row of \(option) should name \(variable): \(row ?? "")")
                }
            } else {
                Issue.record("--help names no NBRUNNER_* variable for \(option)")
            }
        }
        // The notebook argument and the variables without an option.
        for variable in ["NBRUNNER_NOTEBOOK", "NBRUNNER_SCRATCH"] {
            #expect(rows.contains { $0.contains("`\(variable)`") }, "docs/usage.md has no row for \(variable)")
        }
    }

    @Test func doctorTakesTheRunOptionsAndItsOwn() async throws {
        let run = try await Self.options("run").map(\.option)
        let doctor = try await Self.options("doctor").map(\.option)
        #expect(Set(run).isSubset(of: Set(doctor)), "doctor should take every run option")
        let own = doctor.filter { !run.contains($0) }
        #expect(own == ["--json"], "\(own)")
        let usage = try String(contentsOfFile: "\(Paths.root)/docs/usage.md", encoding: .utf8)
        let doctorPage = try String(contentsOfFile: "\(Paths.root)/docs/doctor.md", encoding: .utf8)
        for option in own {
            #expect(usage.contains("`\(option)`") && doctorPage.contains("`\(option)`"), "\(option) is not documented")
        }
    }
}
