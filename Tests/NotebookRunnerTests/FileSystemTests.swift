import Testing

@testable import NotebookRunner

/// Path arithmetic: what the callers (output and result paths, the parents of writable-path
/// probes, JUnit names) rely on.
@Suite struct FileSystemTests {
    @Test(arguments: [
        ("nb.ipynb", "/work", "/work/nb.ipynb"),
        ("/abs/nb.ipynb", "/work", "/abs/nb.ipynb"),
        ("../x/./y.ipynb", "/work/sub/", "/work/x/y.ipynb"),
        ("a//b/../c", "/", "/a/c"),
        ("../../..", "/w", "/"),
        ("", "/work", "/work"),
    ])
    func absolute(path: String, base: String, expected: String) {
        #expect(FileSystem.absolute(path, relativeTo: base) == expected)
    }

    @Test(arguments: [("/a/./b/../c", "/a/c"), ("a/b", "/a/b"), ("", "/"), ("//x//", "/x"), ("/..", "/")])
    func normalise(path: String, expected: String) {
        #expect(FileSystem.normalise(path) == expected)
    }

    @Test(arguments: [("nb.ipynb", "."), ("/nb.ipynb", "/"), ("/w/nb.ipynb", "/w"), ("w/x/", "w"), ("/", "/")])
    func parent(path: String, expected: String) {
        #expect(FileSystem.parent(path) == expected)
    }

    @Test(arguments: [
        ("/w/nb.ipynb", "nb.ipynb", "nb"), ("nb", "nb", "nb"), ("/w/a.b.ipynb", "a.b.ipynb", "a.b"),
        ("/w/.hidden", ".hidden", ".hidden"), ("/w/dir/", "dir", "dir"),
    ])
    func names(path: String, basename: String, stem: String) {
        #expect(FileSystem.basename(path) == basename)
        #expect(FileSystem.stem(path) == stem)
    }
}
