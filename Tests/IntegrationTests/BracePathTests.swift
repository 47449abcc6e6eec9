import FoundationEssentials
import NotebookRunner
import Testing

/// papermill formats its input and output paths with the parameters (`str.format`); nbrunner's
/// paths are literal, braces and all.
@Suite struct BracePathTests {
    @Test func notebookOutputAndParameterFilePathsWithBraces() async throws {
        let dir = temporaryDirectory()
        defer { try? Nbrunner.removeTree(dir) }
        let folder = "\(dir)/reports/{region}"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let notebook = "\(folder)/q{1} {{x}}.ipynb"
        try Data(contentsOf: URL(filePath: Paths.notebook("params.ipynb"))).write(to: URL(filePath: notebook))
        let parameters = "\(folder)/p{a}.yaml"
        try Data("a: 42\nb: '{braces} in a value'\n".utf8).write(to: URL(filePath: parameters))
        let output = "\(folder)/out {x}}.ipynb"
        let run = try await Nbrunner.raw(
            [
                "run", notebook, "-f", parameters, "--output", output,
                "--result", "\(dir)/result.json", "--termination-log", "\(dir)/termination-log",
                "--python", Paths.python,
            ], directory: dir)
        #expect(run.exitCode == 0, "\(run.stderr.suffix(2000))")
        let result = try run.checkContract()
        #expect(result.notebookPath == notebook)
        #expect(result.outputPath == output)
        let executed = try String(decoding: Data(contentsOf: URL(filePath: output)), as: UTF8.self)
        #expect(executed.contains("a=42 b='{braces} in a value'"))
    }
}
