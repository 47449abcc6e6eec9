import FoundationEssentials
import Testing

@testable import NotebookRunner

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct SafeFileWriterTests {
    func read(_ path: String) -> String { String(decoding: (try? Data(contentsOf: URL(filePath: path))) ?? Data(), as: UTF8.self) }

    /// A 255-byte name (NAME_MAX): the temporary name must not grow with it.
    @Test func aLongestNameIsReplacedAndNoTemporaryIsLeft() {
        let dir = temporaryDirectory()
        let path = "\(dir)/" + String(repeating: "n", count: 255)
        writeFile(path, "old")
        #expect(SafeFileWriter.replace(path, with: Array("new".utf8)) == nil)
        #expect(read(path) == "new")
        #expect(FileSystem.entries(dir) == [FileSystem.basename(path)])
    }

    /// A symlink at the target is replaced itself; what it points to is not written.
    @Test func aSymlinkTargetIsReplacedNotFollowed() {
        let dir = temporaryDirectory()
        writeFile("\(dir)/precious", "keep")
        #expect(symlink("\(dir)/precious", "\(dir)/result.json") == 0)
        #expect(SafeFileWriter.replace("\(dir)/result.json", with: Array("{}".utf8)) == nil)
        #expect(read("\(dir)/precious") == "keep")
        #expect(SafeFileWriter.kind("\(dir)/result.json", followingLinks: false) == .regular)
    }

    @Test func aFIFOOrAFolderIsNeverReplaced() {
        let dir = temporaryDirectory()
        #expect(mkfifo("\(dir)/fifo", 0o600) == 0)
        #expect(mkdir("\(dir)/folder", 0o700) == 0)
        #expect(symlink("\(dir)/fifo", "\(dir)/link") == 0)
        for name in ["fifo", "folder", "link"] {
            #expect(SafeFileWriter.replace("\(dir)/\(name)", with: [1]) != nil, "\(name)")
        }
        #expect(SafeFileWriter.kind("\(dir)/fifo") == .special("a FIFO"))
        #expect(SafeFileWriter.refusal("\(dir)/link") == "is a symlink to a FIFO, not to a regular file")
        #expect(SafeFileWriter.refusal("\(dir)/missing") == nil)
    }

    @Test func rewriteInPlaceKeepsTheInode() {
        let dir = temporaryDirectory()
        writeFile("\(dir)/nb", "a long secret text")
        var before = stat()
        var after = stat()
        stat("\(dir)/nb", &before)
        #expect(SafeFileWriter.rewriteInPlace("\(dir)/nb", with: Array("a *** text".utf8)) == nil)
        stat("\(dir)/nb", &after)
        #expect(read("\(dir)/nb") == "a *** text")
        #expect(before.st_ino == after.st_ino)
    }

    @Test func theTerminationLogIsWrittenInPlace() {
        let dir = temporaryDirectory()
        writeFile("\(dir)/t", "an older, longer message")
        #expect(SafeFileWriter.writeInto("\(dir)/t", bytes: Array("msg".utf8)) == nil)
        #expect(read("\(dir)/t") == "msg")
        #expect(SafeFileWriter.writeInto("\(dir)/new", bytes: Array("m".utf8)) == nil)
        #expect(read("\(dir)/new") == "m")
        // A FIFO nobody reads: an error at once, no wait, still a FIFO.
        #expect(mkfifo("\(dir)/fifo", 0o600) == 0)
        #expect(SafeFileWriter.writeInto("\(dir)/fifo", bytes: [1]) != nil)
        #expect(SafeFileWriter.kind("\(dir)/fifo") == .special("a FIFO"))
        // A link to a regular file that is not nbrunner's own stdout/stderr: refused, untouched.
        writeFile("\(dir)/precious", "keep")
        #expect(symlink("\(dir)/precious", "\(dir)/link") == 0)
        #expect(SafeFileWriter.terminationLogRefusal("\(dir)/link") != nil)
        #expect(SafeFileWriter.writeInto("\(dir)/link", bytes: [1]) != nil)
        #expect(read("\(dir)/precious") == "keep")
        #expect(SafeFileWriter.terminationLogRefusal("/dev/null") == nil)
        #expect(SafeFileWriter.writeInto("/dev/null", bytes: [1]) == nil)
    }
}
