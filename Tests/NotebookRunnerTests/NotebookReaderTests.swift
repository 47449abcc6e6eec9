import FoundationEssentials
import Testing

@testable import NotebookRunner

@Suite struct NotebookReaderTests {
    func decode(_ text: String) throws(RunFailure) -> NotebookDocument {
        try NotebookReader.decode(Data(text.utf8), path: "n.ipynb")
    }

    @Test func readsTheSubsetLeniently() throws {
        let nb = try decode(
            """
            {"nbformat": 4, "nbformat_minor": 5, "metadata": {"kernelspec": {"name": "python3"}},
             "cells": [{"cell_type": "code", "source": ["a", "b"], "execution_count": 3,
                        "metadata": {"tags": "not-a-list", "papermill": {"duration": "odd"}},
                        "outputs": [{"output_type": "error", "ename": "E", "evalue": "v", "traceback": []},
                                    {"output_type": "stream", "name": "stdout", "text": "hi"}]}]}
            """)
        #expect(nb.metadata.kernelspec?.name == "python3")
        #expect(nb.cells[0].source == "ab")
        #expect(nb.cells[0].tags == [])
        #expect(nb.cells[0].outputs.map(\.outputType) == ["error", "stream"])
    }

    @Test func syntaxErrorsCarryLineAndColumn() {
        #expect(throws: RunFailure(.invalidNotebook, "n.ipynb:2:1: expected a quoted key, found '<': not valid JSON")) {
            try decode("{\"nbformat\": 4,\n<<<<<<< HEAD\n")
        }
    }

    @Test func rejectsOtherFormats() {
        #expect(throws: RunFailure.self) { try decode("{\"nbformat\": 3, \"metadata\": {}, \"cells\": []}") }
        #expect(throws: RunFailure.self) { try decode("{\"metadata\": {}}") }
        #expect(throws: RunFailure.self) { try decode("[1, 2]") }
        // nbformat 3 has worksheets, not cells: the message names the format, not a missing key.
        let v3 = #"{"metadata": {"name": ""}, "nbformat": 3, "nbformat_minor": 0, "worksheets": [{"cells": []}]}"#
        do {
            _ = try decode(v3)
            Issue.record("an nbformat 3 notebook was accepted")
        } catch {
            #expect(error.message.contains("nbformat 3 is not supported"), "\(error.message)")
        }
    }

    @Test func jsonSyntaxPositions() {
        #expect(JSONSyntaxError.find(in: Array("{\"a\": [1, 2,]}".utf8)) == JSONSyntaxError(line: 1, column: 13, reason: "expected a value, found ']'"))
        #expect(JSONSyntaxError.find(in: Array("{\"a\": \"x\ny\"}".utf8))?.line == 1)
        #expect(JSONSyntaxError.find(in: Array("{\"é\": 1} x".utf8))?.column == 10)
        #expect(JSONSyntaxError.find(in: Array("{\"a\": [true, null, -1.5e3, \"\\u00e9\"]}".utf8)) == nil)
        #expect(JSONSyntaxError.find(in: []) != nil)
    }

    /// nbclient's `metadata.execution["shell.execute_reply"]` says the cell finished; the
    /// reader's snake-case key strategy must not hide it.
    @Test func theKernelsReplyIsRead() throws {
        let nb = try decode(
            #"""
            {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
             {"cell_type": "code", "metadata": {"execution": {"shell.execute_reply": "2026-12-03T23:16:52.758159Z"}}, "source": "", "outputs": []},
             {"cell_type": "code", "metadata": {"execution": {"iopub.status.busy": "2026-12-03T23:16:52.7Z"}}, "source": "", "outputs": []}]}
            """#)
        #expect(nb.cells.map(\.replied) == [true, false])
    }

    /// Keys are compared as nbformat writes them: a MIME type holding `_` stays as it is.
    @Test func mimeTypesAreReadAsWritten() throws {
        let nb = try decode(
            #"""
            {"nbformat": 4, "nbformat_minor": 5, "metadata": {}, "cells": [
             {"cell_type": "code", "execution_count": 1, "metadata": {}, "source": "", "outputs": [
              {"output_type": "display_data", "metadata": {}, "data": {"application/x_custom_view+json": {}, "text/plain": "x"}}]}]}
            """#)
        #expect(nb.cells.first?.outputs.first?.mimeTypes == ["application/x_custom_view+json", "text/plain"])
        #expect(nb.cells.first?.executionCount == 1)
        #expect(nb.cells.first?.outputs.first?.outputType == .displayData)
    }
}
