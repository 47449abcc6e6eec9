import FoundationEssentials
import NotebookRunner
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Nothing a command line does makes nbrunner destroy a file it was not asked to write: paths
/// are compared as files (symlinks, `..` through links), devices and FIFOs are never replaced,
/// and temporary files have short random names opened with O_EXCL|O_NOFOLLOW (issue 16).
@Suite struct FileSafetyTests {
    static let notebookJSON =
        #"{"nbformat": 4, "nbformat_minor": 5, "metadata": {"kernelspec": {"name": "python3", "display_name": "p", "language": "python"}}, "cells": [{"cell_type": "code", "id": "a", "metadata": {}, "outputs": [], "execution_count": null, "source": "print('hello')"}]}"#

    /// A fresh folder with `victim.ipynb` in it.
    func folderWithNotebook() throws -> (dir: String, notebook: String, bytes: Data) {
        let dir = temporaryDirectory()
        let notebook = "\(dir)/victim.ipynb"
        let bytes = Data(Self.notebookJSON.utf8)
        try bytes.write(to: URL(filePath: notebook))
        return (dir, notebook, bytes)
    }

    func run(_ notebook: String, _ arguments: [String], in dir: String) async throws -> Finished {
        try await Nbrunner.raw(["run", notebook, "--python", Paths.python] + arguments, directory: dir)
    }

    /// The configuration error every refusal must be: exit 2, a result on stdout, no kernel.
    func expectRefusal(_ run: Finished, mentioning flag: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(run.exitCode == 2, "\(run.stderr.suffix(2000))", sourceLocation: sourceLocation)
        let summary = try run.summary()
        #expect(summary.errorCategory == .configurationError, sourceLocation: sourceLocation)
        #expect(summary.error.contains(flag), "\(summary.error)", sourceLocation: sourceLocation)
        #expect(!summary.error.contains("\n"), sourceLocation: sourceLocation)
        #expect(summary.papermill == nil, "refused before any kernel", sourceLocation: sourceLocation)
    }

    @Test func anOutputThroughAFolderLinkIsTheInputAndIsRefused() async throws {
        let (dir, notebook, bytes) = try folderWithNotebook()
        #expect(symlink(dir, "\(dir)/link") == 0)
        let run = try await run(
            notebook,
            [
                "--output", "\(dir)/link/victim.ipynb", "--result", "\(dir)/r.json",
                "--termination-log", "\(dir)/t",
            ], in: dir)
        try expectRefusal(run, mentioning: "--output")
        #expect(try Data(contentsOf: URL(filePath: notebook)) == bytes, "the input notebook is intact")
        #expect(FileSystem.isRegularFile("\(dir)/r.json"), "the result still goes to --result")
    }

    @Test func aSymlinkedNotebookWithItsTargetAsOutputIsRefused() async throws {
        let (dir, notebook, bytes) = try folderWithNotebook()
        #expect(symlink(notebook, "\(dir)/alias.ipynb") == 0)
        let run = try await run(
            "\(dir)/alias.ipynb",
            [
                "--output", notebook, "--result", "\(dir)/r.json",
                "--termination-log", "\(dir)/t",
            ], in: dir)
        try expectRefusal(run, mentioning: "--output")
        #expect(try Data(contentsOf: URL(filePath: notebook)) == bytes)
    }

    @Test func aResultOrTerminationLogThatIsTheNotebookIsRefusedAndNotWritten() async throws {
        for flag in ["--result", "--termination-log", "--junit"] {
            let (dir, notebook, bytes) = try folderWithNotebook()
            #expect(symlink(dir, "\(dir)/link") == 0)
            var arguments = ["--output", "\(dir)/out.ipynb", "--result", "\(dir)/r.json", "--termination-log", "\(dir)/t"]
            if flag == "--junit" { arguments += ["--junit", "\(dir)/x"] }
            let at = try #require(arguments.firstIndex(of: flag))
            arguments[at + 1] = "\(dir)/link/victim.ipynb"
            let run = try await run(notebook, arguments, in: dir)
            try expectRefusal(run, mentioning: flag)
            #expect(try Data(contentsOf: URL(filePath: notebook)) == bytes, "\(flag): the notebook is intact")
        }
    }

    /// A copy of /dev/null as --output, --result or --junit stays a device (a root CI job with
    /// `--output /dev/null` would otherwise replace /dev/null with a regular file).
    @Test(.enabled(if: getuid() == 0, "mknod needs root"))
    func aDeviceIsNeverReplaced() async throws {
        for flag in ["--output", "--result", "--junit"] {
            let (dir, notebook, _) = try folderWithNotebook()
            let device = "\(dir)/null"
            var null = stat()
            #expect(stat("/dev/null", &null) == 0)
            #expect(mknod(device, S_IFCHR | 0o666, null.st_rdev) == 0)
            var arguments = ["--output", "\(dir)/out.ipynb", "--result", "\(dir)/r.json", "--termination-log", "\(dir)/t"]
            if flag == "--junit" { arguments += ["--junit", "\(dir)/x"] }
            let at = try #require(arguments.firstIndex(of: flag))
            arguments[at + 1] = device
            let run = try await run(notebook, arguments, in: dir)
            try expectRefusal(run, mentioning: flag)
            #expect(run.stderr.contains("character device"))
            var st = stat()
            #expect(lstat(device, &st) == 0 && (st.st_mode & S_IFMT) == S_IFCHR, "\(flag): still a character device")
        }
    }

    /// A FIFO as the termination log is written as a stream, never replaced, and a FIFO nobody
    /// reads does not hold the run.
    @Test func aFIFOTerminationLogWithoutAReaderDoesNotHang() async throws {
        let (dir, notebook, _) = try folderWithNotebook()
        #expect(mkfifo("\(dir)/fifo", 0o666) == 0)
        let run = try await run(
            notebook,
            [
                "--output", "\(dir)/out.ipynb", "--result", "\(dir)/r.json",
                "--termination-log", "\(dir)/fifo", "--no-such-flag",
            ], in: dir)
        #expect(run.exitCode == 2)
        #expect(run.stderr.contains("could not write the termination message"))
        var st = stat()
        #expect(lstat("\(dir)/fifo", &st) == 0 && (st.st_mode & S_IFMT) == S_IFIFO)
    }

    @Test func aTerminationLogSymlinkToARegularFileIsRefused() async throws {
        let (dir, notebook, _) = try folderWithNotebook()
        let precious = "\(dir)/precious.txt"
        try Data("keep me\n".utf8).write(to: URL(filePath: precious))
        #expect(symlink(precious, "\(dir)/t") == 0)
        let run = try await run(
            notebook,
            [
                "--output", "\(dir)/out.ipynb", "--result", "\(dir)/r.json",
                "--termination-log", "\(dir)/t",
            ], in: dir)
        try expectRefusal(run, mentioning: "--termination-log")
        #expect(try Data(contentsOf: URL(filePath: precious)) == Data("keep me\n".utf8))
    }

    /// A valid 244-character output name: the temporary names used to pass NAME_MAX, so the
    /// redacted notebook could not be written, papermill's good notebook was deleted and the run
    /// said exit 7 without a result file. Now it passes, redacted, with its result.
    @Test func aLongOutputNameIsRedactedInPlaceOfDeleted() async throws {
        let dir = temporaryDirectory()
        let notebook = "\(dir)/leak.ipynb"
        let json =
            #"{"nbformat": 4, "nbformat_minor": 5, "metadata": {"kernelspec": {"name": "python3", "display_name": "p", "language": "python"}}, "cells": [{"cell_type": "code", "id": "a", "metadata": {}, "outputs": [], "execution_count": null, "source": "import os\nprint(os.environ['T'])"}]}"#
        try Data(json.utf8).write(to: URL(filePath: notebook))
        try Data("export T='s3cret-value-x'\n".utf8).write(to: URL(filePath: "\(dir)/env"))
        let long = String(repeating: "a", count: 238)
        let output = "\(dir)/\(long).ipynb"
        let result = "\(dir)/\(long).json"
        #expect(FileSystem.basename(output).utf8.count == 244)
        let run = try await run(
            notebook,
            [
                "--env-file", "\(dir)/env", "--output", output, "--result", result,
                "--termination-log", "\(dir)/t",
            ], in: dir)
        #expect(run.exitCode == 0, "\(run.stderr.suffix(2000))")
        let written = try Data(contentsOf: URL(filePath: output))
        #expect(!String(decoding: written, as: UTF8.self).contains("s3cret-value-x"))
        #expect(String(decoding: written, as: UTF8.self).contains("***"))
        #expect(FileSystem.isRegularFile(result), "the result file is written")
        #expect((FileSystem.entries(dir) ?? []).allSatisfy { !$0.hasPrefix(".nbr.") }, "no temporary file left")
    }

    /// `--termination-log /dev/stderr` with stderr redirected to a file: the message goes after
    /// what the log holds, through stderr itself; the log is never truncated or written over.
    @Test func aTerminationLogThatIsStderrInAFileKeepsTheLog() async throws {
        let (dir, notebook, _) = try folderWithNotebook()
        let run = try await Nbrunner.raw(
            [
                "run", notebook, "--python", Paths.python, "--output", "\(dir)/out.ipynb", "--result", "\(dir)/r.json",
                "--termination-log", "/dev/stderr",
            ],
            directory: dir, prefix: ["/bin/sh", "-c", "exec \"$0\" \"$@\" 2>\(dir)/log"])
        #expect(run.exitCode == 0, "\(run.stdout.suffix(1000))")
        let log = try String(decoding: Data(contentsOf: URL(filePath: "\(dir)/log")), as: UTF8.self)
        #expect(log.contains("[nbrunner] identity: "), "the start of the log is kept")
        #expect(log.contains("\"exit_code\":0"), "the termination message is in it")
        #expect(log.contains("[nbrunner] result: succeeded"), "and the log line after it is intact")
    }

    /// In a shared sticky folder another UID plants a symlink under the name the old temporary
    /// file had (`.r.json.1.tmp`, nbrunner being PID 1 in a container): nbrunner (root) wrote
    /// its result through it into the file it points to. Temporaries are now random and opened
    /// with O_EXCL|O_NOFOLLOW. Run as PID 1 of a new PID namespace, as in a container.
    @Test(.enabled(if: getuid() == 0, "unshare and lchown need root"))
    func aPlantedTemporarySymlinkIsNeverFollowed() async throws {
        let dir = temporaryDirectory()
        chmod(dir, 0o1777)
        let victim = "\(dir)/victim.txt"
        try Data("keep\n".utf8).write(to: URL(filePath: victim))
        for name in [".r.json.1.tmp", ".j.xml.1.tmp"] {
            #expect(symlink(victim, "\(dir)/\(name)") == 0)
            #expect(lchown("\(dir)/\(name)", 1_000_920_000, 0) == 0)
        }
        let run = try await Nbrunner.raw(
            ["run", "x.ipynb", "--result", "\(dir)/r.json", "--junit", "\(dir)/j.xml", "--termination-log", "", "--no-such-flag"],
            directory: dir, prefix: ["/usr/bin/unshare", "--pid", "--fork"])
        #expect(run.exitCode == 2, "\(run.stderr.suffix(1000))")
        #expect(try Data(contentsOf: URL(filePath: victim)) == Data("keep\n".utf8), "the planted link's target is untouched")
        #expect(SafeFileWriter.kind("\(dir)/r.json", followingLinks: false) == .regular)
        #expect(try ResultJSON.decoder().decode(RunResult.self, from: Data(contentsOf: URL(filePath: "\(dir)/r.json"))).exitCode == 2)
    }
}
