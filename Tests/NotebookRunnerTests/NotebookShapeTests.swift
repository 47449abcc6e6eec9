import Testing

@testable import NotebookRunner

@Suite struct NotebookShapeTests {
    static func notebook(
        top: String = #""nbformat": 4, "nbformat_minor": 5"#,
        metadata: String = #"{"kernelspec": {"name": "python3"}}"#,
        cell: String = #"{"cell_type": "code", "metadata": {}, "outputs": [], "source": "1"}"#
    ) -> [UInt8] {
        Array(#"{\#(top), "metadata": \#(metadata), "cells": [\#(cell)]}"#.utf8)
    }

    @Test func whatPapermillRunsIsAccepted() {
        #expect(NotebookShape.problem(in: Self.notebook()) == nil)
        // papermill accepts these (checked with papermill 2.7): left alone.
        for cell in [
            #"{"cell_type": "weird", "metadata": {}, "source": ["a", "b"]}"#,
            #"{"cell_type": "code", "metadata": {"papermill": "x", "tags": [1]}, "source": "1", "execution_count": "x"}"#,
        ] {
            #expect(NotebookShape.problem(in: Self.notebook(cell: cell)) == nil, "\(cell)")
        }
        #expect(NotebookShape.problem(in: Self.notebook(metadata: #"{"papermill": {"parameters": {}}}"#)) == nil)
    }

    @Test(arguments: [
        (notebook(top: #""nbformat": 4.0, "nbformat_minor": 5"#), "'nbformat' must be a JSON integer, not 4.0"),
        (notebook(top: #""nbformat": 4, "nbformat_minor": "5""#), "'nbformat_minor' must be a JSON integer"),
        (notebook(top: #""nbformat": 4"#), "no 'nbformat_minor'"),
        (notebook(metadata: "[]"), "'metadata' must be an object"),
        (notebook(metadata: #"{"papermill": "x"}"#), "metadata.papermill must be an object"),
        (notebook(metadata: #"{"papermill": null}"#), "metadata.papermill must be an object"),
        (notebook(cell: #"{"cell_type": "code", "metadata": {}, "source": null}"#), "cell 0: 'source' must be a string or a list of strings"),
        (notebook(cell: #"{"cell_type": "code", "metadata": {}}"#), "cell 0: no 'source'"),
        (notebook(cell: #"{"cell_type": "code", "metadata": [], "source": "1"}"#), "cell 0: 'metadata' must be an object"),
        (notebook(cell: #"{"cell_type": "code", "source": "1"}"#), "cell 0: 'metadata' must be an object"),
        (notebook(cell: #"{"cell_type": "code", "metadata": {"tags": null}, "source": "1"}"#), "cell 0: metadata.tags must be a list"),
        (notebook(cell: #"{"cell_type": "code", "metadata": {}, "source": "1", "outputs": null}"#), "cell 0: 'outputs' must be a list of objects"),
        (notebook(cell: #"{"cell_type": "code", "metadata": {}, "source": "1", "outputs": [3]}"#), "cell 0: 'outputs' must be a list of objects"),
    ])
    func whatPapermillCannotRunIsNamed(bytes: [UInt8], message: String) {
        let problem = NotebookShape.problem(in: bytes)
        #expect(problem?.contains(message) == true, "\(problem ?? "nil")")
    }

    @Test func theSourceReaderRefusesIt() throws {
        let dir = temporaryDirectory()
        writeFile("\(dir)/nb.ipynb", String(decoding: Self.notebook(top: #""nbformat": 4.0, "nbformat_minor": 5"#), as: UTF8.self))
        #expect(throws: RunFailure.self) { try NotebookReader.readSource("\(dir)/nb.ipynb") }
    }
}
