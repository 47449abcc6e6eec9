import Testing

@testable import NotebookRunner

@Suite struct YAMLParametersTests {
    func check(_ text: String) throws -> Int { try YAMLParameters.check(Array(text.utf8), origin: "p.yaml") }

    @Test func countsTopLevelKeys() throws {
        #expect(try check("a: 1\nb: [1, 2]\nc: {x: y}\n") == 3)
        #expect(try check("{a: 1}") == 1)
    }

    @Test(arguments: ["", "\n# only a comment\n", "~", "null", "---\n"])
    func emptyOrNullIsNoParameters(text: String) throws {
        #expect(try check(text) == 0)
    }

    @Test(arguments: ["- a\n- b\n", "just a string", "42"])
    func rejectsNonMappings(text: String) {
        #expect(throws: RunFailure.self) { try check(text) }
    }

    @Test func syntaxErrorNamesFileLineAndColumn() {
        do throws(RunFailure) {
            _ = try YAMLParameters.check(Array("a: 1\nb: [unclosed\nc: 3\n".utf8), origin: "p.yaml")
            Issue.record("no error")
        } catch {
            #expect(error.category == .configurationError)
            #expect(error.message.hasPrefix("p.yaml:3:2: "), "\(error.message)")
        }
    }

    @Test func rejectsASecondDocument() {
        #expect(throws: RunFailure.self) { try check("a: 1\n---\nb: 2\n") }
    }

    @Test func missingFileIsAConfigurationError() {
        #expect(throws: RunFailure(.configurationError, "/nonexistent/p.yaml: parameters file not found")) {
            try YAMLParameters.checkFile("/nonexistent/p.yaml")
        }
    }
}
