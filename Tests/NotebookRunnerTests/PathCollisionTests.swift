import Testing

@testable import NotebookRunner

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct PathCollisionTests {
    @Test func pathsAreComparedAsFiles() {
        let dir = temporaryDirectory()
        writeFile("\(dir)/nb.ipynb", "{}")
        #expect(symlink(dir, "\(dir)/link") == 0)
        #expect(symlink("\(dir)/nb.ipynb", "\(dir)/alias.ipynb") == 0)
        #expect(link("\(dir)/nb.ipynb", "\(dir)/hard.ipynb") == 0)
        #expect(PathCollision.sameFile("\(dir)/link/nb.ipynb", "\(dir)/nb.ipynb"))
        #expect(PathCollision.sameFile("\(dir)/alias.ipynb", "\(dir)/nb.ipynb"))
        #expect(PathCollision.sameFile("\(dir)/hard.ipynb", "\(dir)/nb.ipynb"))
        // Files that do not exist yet: the same folder through a link, the same name.
        #expect(PathCollision.sameFile("\(dir)/link/new.json", "\(dir)/new.json"))
        #expect(!PathCollision.sameFile("\(dir)/link/new.json", "\(dir)/other.json"))
        #expect(!PathCollision.sameFile("\(dir)/nb.ipynb", "\(dir)/new.json"))
    }

    @Test func theConfigurationRefusesACollisionThroughALink() throws {
        let dir = temporaryDirectory()
        writeFile("\(dir)/nb.ipynb", "{}")
        #expect(symlink(dir, "\(dir)/link") == 0)
        var options = RunOptions()
        options[.notebook] = "\(dir)/nb.ipynb"
        options[.output] = "\(dir)/out.ipynb"
        options[.result] = "\(dir)/link/out.ipynb"
        options[.terminationLog] = ""
        #expect(throws: RunFailure.self) {
            try RunConfiguration(options: options, environment: [:], currentDirectory: dir)
        }
        options[.result] = "\(dir)/r.json"
        options[.output] = "\(dir)/link/nb.ipynb"
        do {
            _ = try RunConfiguration(options: options, environment: [:], currentDirectory: dir)
            Issue.record("the output through the link is the notebook")
        } catch {
            #expect(error.category == .configurationError)
            #expect(error.message.hasPrefix("--output \(dir)/link/nb.ipynb is the input notebook"))
        }
    }
}
