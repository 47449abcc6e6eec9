import FoundationEssentials
import Testing

@testable import NotebookRunner

@Suite struct OutputScanTests {
    @Test func warningsAsTheWarningsModulePrintsThem() {
        #expect(OutputScan.isPythonWarning(Array("/x/y.py:12: DeprecationWarning: old".utf8)))
        #expect(OutputScan.isPythonWarning(Array("WARNING:py.warnings:/x.py:3: UserWarning: via logging".utf8)))
        #expect(OutputScan.isPythonWarning(Array("<string>:1: Warning: plain category".utf8)))
        #expect(!OutputScan.isPythonWarning(Array("Warning: not from the warnings module".utf8)))
        #expect(!OutputScan.isPythonWarning(Array("a UserWarning: without a location".utf8)))
        #expect(!OutputScan.isPythonWarning(Array("x.py:2: UserWarningish text".utf8)))
    }

    /// The file name before `:LINE:` tells a warning from a time of day.
    @Test func warningsNeedAFileNameNotATimeOfDay() {
        for line in [
            "sys:1: DtypeWarning: Columns (2) have mixed types. Specify dtype option on import",
            "/tmp/ipykernel_123/456.py:2: UserWarning: careful",
            "<stdin>:1: Warning: the plain category",
            "C:\\path\\x.py:3: RuntimeWarning: overflow",
            "/path with spaces/x.py:10: FutureWarning: soon",
            "12:30:45: WARNING:py.warnings:/x.py:3: UserWarning: captured behind a timestamp",
            "noise 12:30: Warning: not this one, but x.py:4: UserWarning: this one",
            "x.py:1: _PrivateWarning: an identifier may start with _",
        ] {
            #expect(OutputScan.isPythonWarning(Array(line.utf8)), "\(line)")
        }
        for line in [
            "03:55:30: Warning: disk almost full",  // logging with datefmt='%H:%M:%S'
            "12:30: Warning: text",
            "2024-01-02T12:30:45+01:00: Warning: a time zone",
            "2024-01-02 12:30: Warning: minutes only",
            ":3: UserWarning: no file",
            "x.py :3: UserWarning: a space is no file name",
            "x.py:: UserWarning: no line",
            "x.py:1: 3Warning: not an identifier",
            "x.py:1: my.Warning: dotted",
            "x.py:1:UserWarning: no space",
        ] {
            #expect(!OutputScan.isPythonWarning(Array(line.utf8)), "\(line)")
        }
        #expect(OutputScan("03:55:30: Warning: disk almost full\n").warning == nil)
        #expect(OutputScan("03:55:30: Warning: disk\nsys:1: DtypeWarning: mixed\n").warning == "sys:1: DtypeWarning: mixed")
    }

    /// Python prints the header at the start of a line; quoted inside other text, it is not a
    /// printed traceback.
    @Test func aTracebackHeaderStartsItsLine() {
        #expect(OutputScan("log: Traceback (most recent call last): quoted\n").traceback == nil)
        #expect(OutputScan("x Traceback (most recent call last):\nValueError: v\n").traceback == nil)
        #expect(OutputScan("ok\n\u{1B}[0;31mTraceback (most recent call last):\n  File \"a\"\nKeyError: 'k'\n").traceback == "KeyError: 'k'")
        // The first header that starts its line counts.
        #expect(OutputScan("said Traceback (most recent call last)\nTraceback (most recent call last):\nOSError: x\n").traceback == "OSError: x")
        // IPython's layout: the exception's name first.
        #expect(OutputScan("numpy.linalg.LinAlgError    Traceback (most recent call last)\nLinAlgError: singular\n").traceback == "LinAlgError: singular")
        #expect(OutputScan("two words    Traceback (most recent call last)\nE: x\n").traceback == nil)
        // rich's box, and the exception line after it.
        let rich =
            "╭──────── Traceback (most recent call last) ────────╮\n│ in <module>:3                                      │\n╰────────────────────────────────────────────────────╯\nZeroDivisionError: division by zero\n"
        #expect(OutputScan(rich).traceback == "ZeroDivisionError: division by zero")
        #expect(OutputScan("╭─ x Traceback (most recent call last) ─╮\n").traceback == nil)
        // A line that quotes the header many times is read once.
        let quoted = String(repeating: "said Traceback (most recent call last); ", count: 50_000)
        #expect(OutputScan(quoted + "\nTraceback (most recent call last):\nE: late\n", lines: false).traceback == "E: late")
        #expect(OutputScan(quoted, lines: false).traceback == nil)
    }

    /// The rest of a traceback whose header an earlier output printed.
    @Test func theFirstUnindentedLineOfATextWithoutAHeader() {
        #expect(
            OutputScan("  File \"x\", line 3\n    1 / 0\n\u{1B}[31mZeroDivisionError\u{1B}[0m: division by zero\n", lines: false).unindentedLine
                == "ZeroDivisionError: division by zero")
        #expect(OutputScan("  only frames\n", lines: false).unindentedLine == nil)
        #expect(OutputScan("Traceback (most recent call last):\nE: x\n").unindentedLine == nil, "its own traceback's line is `traceback`")
    }

    /// A progress bar's cursor movements and line clearing are not text.
    @Test func ansiOnlyLinesAreBlank() {
        #expect(OutputScan("\u{1B}[A\u{1B}[2K\r").firstLine == nil)
        #expect(OutputScan("\u{1B}[?25l\r\n\u{1B}[?25h\n").firstLine == nil)
        #expect(OutputScan("\u{1B}[A\r\n\u{1B}[31mred\u{1B}[0m\n").firstLine == "red")
        #expect(OutputScan("\r 50%|#####     | 5/10\r").firstLine == "50%|#####     | 5/10")
    }

    @Test func firstLineWarningAndPrintedTraceback() {
        let scan = OutputScan(
            "\n  \nfirst\nx.py:1: RuntimeWarning: overflow\nTraceback (most recent call last):\n  File \"a\", line 1\n    boom()\nNameError: name 'boom' is not defined\n"
        )
        #expect(scan.firstLine == "first")
        #expect(scan.warning == "x.py:1: RuntimeWarning: overflow")
        #expect(scan.traceback == "NameError: name 'boom' is not defined")
        #expect(OutputScan("   \n").firstLine == nil)
        #expect(OutputScan("Traceback (most recent call last):\n").traceback == "Traceback (most recent call last)")
        // IPython's own layout, colours and all.
        let ipython = OutputScan("\u{1B}[31mValueError\u{1B}[0m    Traceback (most recent call last)\n\u{1B}[31mValueError\u{1B}[0m: bad\n")
        #expect(ipython.traceback == "ValueError: bad")
    }

    @Test func decodedFromANotebookLean() throws {
        let json = """
            {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [{"cell_type": "code", "source": "", "metadata": {},
             "execution_count": 1, "outputs": [
               {"output_type": "stream", "name": "stderr", "text": ["x.py:1: UserWarning: u\\n", "more\\n"]},
               {"output_type": "display_data", "data": {"image/png": "iVBOR", "text/plain": ["<Figure>"]}, "metadata": {}},
               {"output_type": "execute_result", "execution_count": 1, "data": {"text/plain": "42"}, "metadata": {}}]}]}
            """
        let lean = try NotebookReader.decode(Data(json.utf8), path: "/n")
        let outputs = lean.cells[0].outputs
        #expect(outputs[0].name == "stderr")
        #expect(outputs[0].scan?.warning == "x.py:1: UserWarning: u")
        #expect(outputs[0].text == nil, "whole texts only for a golden comparison")
        #expect(outputs[1].mimeTypes == ["image/png", "text/plain"])
        #expect(outputs[1].dataDigest == nil)
        let full = try NotebookReader.decode(Data(json.utf8), path: "/n", mode: .full)
        #expect(full.cells[0].outputs[0].text == "x.py:1: UserWarning: u\nmore\n")
        #expect(full.cells[0].outputs[1].text == "<Figure>")
        #expect(full.cells[0].outputs[1].dataDigest?.count == 16)
        #expect(full.cells[0].outputs[2].executionCount == 1)
        #expect(full.cells[0].outputs[2].text == "42")
    }

    @Test func onlyWhatThePolicyNeedsIsScanned() throws {
        let json = """
            {"nbformat": 4, "metadata": {}, "cells": [{"cell_type": "code", "source": "", "metadata": {}, "outputs": [
               {"output_type": "stream", "name": "stderr", "text": "noise\\n"},
               {"output_type": "stream", "name": "stdout", "text": "Traceback (most recent call last):\\nKeyError: 1\\n"}]}]}
            """
        func read(_ needs: OutputScan.Needs) throws -> [OutputScan?] {
            let dir = temporaryDirectory()
            writeFile("\(dir)/n.ipynb", json)
            return try #require(NotebookReader.readExecuted("\(dir)/n.ipynb", mode: .scanned(needs))).get().cells[0].outputs.map(\.scan)
        }
        #expect(try read(.nothing) == [nil, nil])
        #expect(try read(.init(stderr: true, tracebacks: false)) == [OutputScan(firstLine: "noise", unindentedLine: "noise"), nil])
        #expect(try read(.init(stderr: false, tracebacks: true)) == [OutputScan(unindentedLine: "noise"), OutputScan(traceback: "KeyError: 1")])
        #expect(OutputScan.Needs(policy: .standard) == .init(stderr: false, tracebacks: true))
        #expect(OutputScan.Needs(policy: ValidationPolicy(level: .learning)) == .nothing)
        #expect(OutputScan.Needs(policy: ValidationPolicy(level: .production)) == .all)
    }

    /// Each policy declares what it reads; the notebook is read with what the enabled ones need.
    @Test func eachPolicyDeclaresWhatItReads() {
        let expected: [ValidationPolicy.Name: OutputScan.Needs] = [
            .failOnStderr: .init(stderr: true, tracebacks: false), .failOnWarnings: .init(stderr: true, tracebacks: false),
            .strictMode: .init(stderr: true, tracebacks: false), .detectSilentFailures: .init(stderr: false, tracebacks: true),
            .failOnHardcodedCredentials: .nothing,
        ]
        for name in ValidationPolicy.Name.allCases {
            var policy = ValidationPolicy(level: .learning)
            policy[name] = .init(enabled: true, source: "test")
            #expect(OutputScan.Needs(policy: policy) == expected[name], "\(name)")
            #expect(NotebookReader.Mode.executed(policy: policy, golden: false) == .scanned(expected[name]!))
            #expect(NotebookReader.Mode.executed(policy: policy, golden: true) == .full)
        }
    }

    @Test func theQuickTracebackCheck() {
        func may(_ text: String) -> Bool { Array(text.utf8).withUnsafeBytes { OutputScan.mayHoldTraceback($0) } }
        #expect(may("x Traceback (most recent call last):"))
        #expect(may("(((Traceback (most recent call last)"))
        #expect(!may("Traceback (most recent call"))
        #expect(!may("iVBORw0KGgo" + String(repeating: "A", count: 100_000)))
        #expect(!may("(most recent call last)"))
    }

    @Test func ipythonsExitWarningIsNotTheCells() {
        let text =
            "/venv/lib/python3.11/site-packages/IPython/core/interactiveshell.py:3831: UserWarning: To exit: use 'exit', 'quit', or Ctrl-D.\n  warn(\"To exit: use 'exit', 'quit', or Ctrl-D.\", stacklevel=1)\n"
        let scan = OutputScan(text)
        #expect(scan.firstLine == nil && scan.warning == nil)
        let mixed = OutputScan(text + "/tmp/ipykernel_1/2.py:3: UserWarning: mine\n")
        #expect(mixed.warning == "/tmp/ipykernel_1/2.py:3: UserWarning: mine")
    }
}
