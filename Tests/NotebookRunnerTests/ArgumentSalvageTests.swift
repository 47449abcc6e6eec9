import Testing

@testable import NotebookRunner

@Suite struct ArgumentSalvageTests {
    @Test func findsTheResultLocationsInAnUnparsableCommandLine() {
        let o = ArgumentSalvage.options(from: ["run", "nb.ipynb", "--bogus", "--result", "out/r.json", "--termination-log=out/t", "--output", "o.ipynb"])
        #expect(o[.notebook] == "nb.ipynb")
        #expect(o[.result] == "out/r.json")
        #expect(o[.terminationLog] == "out/t")
        #expect(o[.output] == "o.ipynb")
    }

    @Test func takesNoGuessFromWordsThatMayBeValues() {
        let o = ArgumentSalvage.options(from: ["--kernel", "python3", "--result"])
        #expect(o[.notebook] == nil, "python3 is --kernel's value")
        #expect(o[.result] == nil, "a trailing flag has no value")
        #expect(ArgumentSalvage.options(from: ["--", "-odd.ipynb"])[.notebook] == "-odd.ipynb")
    }
}
