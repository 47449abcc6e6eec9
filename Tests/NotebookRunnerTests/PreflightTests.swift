import Testing

@testable import NotebookRunner

/// The input check returns what it found with its failures: a run stops at the first, doctor
/// (``Findings/Mode/collectAll``) goes on and gets them all, in the same order.
@Suite struct PreflightTests {
    func configuration(_ dir: String) throws -> RunConfiguration {
        writeFile("\(dir)/bad.yaml", "a: [1, 2\n")
        var o = RunOptions()
        o[.notebook] = "\(dir)/missing.ipynb"
        o[.golden] = "\(dir)/missing-golden.ipynb"
        o[list: .parametersFile] = ["\(dir)/bad.yaml"]
        o[.cwd] = "\(dir)/no-such-folder"
        o[.output] = "\(dir)/out.ipynb"
        o[.result] = "\(dir)/result.json"
        return try RunConfiguration(options: o, environment: [:], currentDirectory: dir)
    }

    @Test func aRunStopsAtTheFirstProblemDoctorListsThemAll() throws {
        let dir = temporaryDirectory()
        let c = try configuration(dir)
        let run = Preflight.checkInputs(c)
        #expect(run.findings.failures.map(\.message) == ["notebook not found: \(dir)/missing.ipynb"])
        #expect(throws: RunFailure.self) { try run.inputs() }

        let doctor = Preflight.checkInputs(c, mode: .collectAll, dryRun: true)
        let failures = doctor.findings.failures
        #expect(failures.first?.message == run.findings.failures.first?.message, "the same first problem")
        #expect(failures.map(\.category) == [.invalidNotebook, .invalidNotebook, .configurationError, .configurationError], "\(failures)")
        #expect(failures[1].message.hasPrefix("--golden: "))
        #expect(failures[2].message.hasPrefix("\(dir)/bad.yaml:"))
        #expect(failures[3].message == "--cwd \(dir)/no-such-folder: not a directory")
    }

    @Test func aNotebookWithoutProblemsGivesItsInputs() throws {
        let dir = temporaryDirectory()
        writeFile(
            "\(dir)/n.ipynb",
            #"{"nbformat": 4, "nbformat_minor": 5, "metadata": {"kernelspec": {"name": "python3"}}, "cells": [{"cell_type": "code", "metadata": {}, "outputs": [], "source": "x = 1"}]}"#
        )
        var o = RunOptions()
        o[.notebook] = "\(dir)/n.ipynb"
        let inputs = try Preflight.checkInputs(try RunConfiguration(options: o, environment: [:], currentDirectory: dir)).inputs()
        #expect(inputs.kernelName == "python3")
        #expect(inputs.source.cells.count == 1)
        #expect(!inputs.injectsParameters)
    }
}
