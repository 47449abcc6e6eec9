import FoundationEssentials
import NotebookRunner

/// A JUnit report as junitparser (the test venv's, pinned) reads it: the same library GitLab-
/// and Jenkins-style tooling in Python uses, so a report it cannot parse fails the test.
struct JUnitFile: Decodable {
    struct Suite: Decodable {
        var name: String
        var tests: Int
        var failures: Int
        var errors: Int
        var skipped: Int
        var time: Double?
        var cases: [Case]
    }

    struct Case: Decodable {
        var name: String
        var classname: String?
        var time: Double?
        var results: [Outcome]
        var systemOut: String?

        var failure: Outcome? { results.first { $0.kind == "Failure" } }
        var skipped: Outcome? { results.first { $0.kind == "Skipped" } }
        var error: Outcome? { results.first { $0.kind == "Error" } }
    }

    struct Outcome: Decodable {
        var kind: String
        var type: String?
        var message: String?
        var text: String?
    }

    var suites: [Suite]

    static func parse(_ path: String) async throws -> JUnitFile {
        let json = try await Nbrunner.python(
            """
            import json
            from junitparser import JUnitXml
            suites = []
            for suite in JUnitXml.fromfile(\(String(reflecting: path))):
                cases = [{"name": c.name, "classname": c.classname, "time": c.time, "system_out": c.system_out,
                          "results": [{"kind": type(r).__name__, "type": r.type, "message": r.message, "text": r.text} for r in c.result]}
                         for c in suite]
                suites.append({"name": suite.name, "tests": suite.tests, "failures": suite.failures, "errors": suite.errors,
                               "skipped": suite.skipped, "time": suite.time, "cases": cases})
            print(json.dumps({"suites": suites}))
            """)
        return try ResultJSON.decoder().decode(JUnitFile.self, from: Data(json.utf8))
    }

    func only() throws -> Suite {
        guard suites.count == 1, let suite = suites.first else { throw JUnitError.notOneSuite(suites.count) }
        return suite
    }

    enum JUnitError: Error { case notOneSuite(Int) }
}

extension JUnitFile.Suite {
    func named(_ prefix: String) -> JUnitFile.Case? { cases.first { $0.name.hasPrefix(prefix) } }
}
