import Testing

@testable import NotebookRunner

@Suite struct ParameterPairsTests {
    @Test func joinsTheTwoTokensAfterEachPairFlag() throws {
        let joined = try ParameterPairs.join(["run", "nb.ipynb", "-p", "a", "-5", "--parameters-raw", "b", "x y", "-k", "python3"])
        #expect(joined == ["run", "nb.ipynb", "-p", "a\u{0}-5", "--parameters-raw", "b\u{0}x y", "-k", "python3"])
        #expect(try ParameterPairs.split(joined[3], flag: "-p") == Parameter(name: "a", value: "-5"))
    }

    @Test func leavesArgumentsAfterDoubleDashAlone() throws {
        #expect(try ParameterPairs.join(["--", "-p", "a"]) == ["--", "-p", "a"])
    }

    @Test func missingValueIsAConfigurationError() {
        #expect(throws: RunFailure.self) { try ParameterPairs.join(["run", "-p", "a"]) }
    }
}
