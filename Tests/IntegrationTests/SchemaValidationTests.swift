import FoundationEssentials
import NotebookRunner
import Subprocess
import SystemPackage
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// docs/result.schema.json and docs/termination-message.schema.json against what the real binary
/// writes (real papermill, real kernels): the result file, the `Results Summary:` block and the
/// termination message of a success, a failing cell, bad options, a missing notebook, a timeout,
/// a cancellation, a random-UID run, validation failures, a golden mismatch and match, and a
/// `raises-exception` notebook with and without strict mode; every category the code can produce;
/// and a schema that rejects altered documents, so a green run means something.
@Suite(
    .enabled(
        if: DocsTools.checkJSONSchemaConfigured,
        "check-jsonschema not found: run scripts/setup-tools-venv.sh or set NBRUNNER_TEST_CHECK_JSONSCHEMA (scripts/test.sh does)"),
    .timeLimit(.minutes(3)))
struct SchemaValidationTests {
    init() throws {
        try #require(
            DocsTools.isExecutable(DocsTools.checkJSONSchema),
            "\(DocsTools.checkJSONSchema) is not executable: run scripts/setup-tools-venv.sh")
    }

    @Test func theSchemasAreValidDraft2020_12() async throws {
        let (code, output) = try await DocsTools.run(
            DocsTools.checkJSONSchema,
            ["--check-metaschema", DocsTools.resultSchema, DocsTools.terminationSchema])
        #expect(code == 0, "\(output)")
    }

    @Test func success() async throws {
        // A secrets folder too, so `secrets.files` has a loaded and a skipped entry.
        let secrets = temporaryDirectory()
        try Data("export DB_USER=reader\nexport DB_PASSWORD='Pa$$w0rd'\n".utf8).write(to: URL(filePath: "\(secrets)/db"))
        try Data(#"{"API_TOKEN": "t0ken-value"}"#.utf8).write(to: URL(filePath: "\(secrets)/api"))
        try Data("stale".utf8).write(to: URL(filePath: "\(secrets)/db.bak"))
        let run = try await Nbrunner.run(
            Paths.notebook("params.ipynb"),
            ["-p", "a", "42", "--secrets-dir", secrets])
        #expect(run.exitCode == 0, "\(run.stderr)")
        let result = try run.checkContract()
        #expect(result.secrets?.files.map(\.status) == [.skipped, .loaded, .loaded])
        try await expectValid(run)
    }

    @Test func failingCell() async throws {
        let run = try await Nbrunner.run(Paths.notebook("error.ipynb"))
        #expect(run.exitCode == 1, "\(run.stderr)")
        let result = try run.checkContract()
        #expect(result.failedCell?.cellIndex == 2)
        try await expectValid(run)

        // The same result's termination message at every budget the shortening passes through,
        // down to the last resort `{"exit_code":1}` (the real renderer; the command line refuses
        // budgets under 128).
        let dir = temporaryDirectory()
        var files: [String] = []
        for budget in [50, 100, 128, 140, 160, 200, 256, 300, 400, 512, 4096] {
            let path = "\(dir)/termination-\(budget)"
            let message = TerminationMessage.render(result, budget: budget)
            #expect(message.count <= budget || budget < TerminationMessage.minimumBudget)
            try Data(message).write(to: URL(filePath: path))
            files.append(path)
        }
        #expect(try String(contentsOfFile: files[0], encoding: .utf8) == #"{"exit_code":1}"#)
        let (code, output) = try await DocsTools.validate(files, against: DocsTools.terminationSchema)
        #expect(code == 0, "\(output)")
    }

    @Test func badOptionsAndAMissingNotebook() async throws {
        let dir = temporaryDirectory()
        let cases: [(name: String, arguments: [String], category: ErrorCategory)] = [
            ("bad-duration", ["run", Paths.notebook("error.ipynb"), "--timeout", "soon"], .configurationError),
            ("unknown-flag", ["run", Paths.notebook("error.ipynb"), "--no-such-flag"], .configurationError),
            ("small-budget", ["run", Paths.notebook("error.ipynb"), "--termination-budget", "64"], .configurationError),
            ("missing-notebook", ["run", "\(dir)/does-not-exist.ipynb", "--python", Paths.python], .invalidNotebook),
            ("unknown-kernel", ["run", Paths.notebook("unknown-kernel.ipynb"), "--python", Paths.python], .dependencyMissing),
        ]
        for (name, arguments, category) in cases {
            let runDir = "\(dir)/\(name)"
            mkdir(runDir, 0o777)
            // Through the environment: a command line that does not parse has no --result.
            let run = try await Nbrunner.raw(
                arguments,
                environment: [
                    "NBRUNNER_RESULT": "\(runDir)/result.json", "NBRUNNER_TERMINATION_LOG": "\(runDir)/termination-log",
                    "NBRUNNER_OUTPUT": "\(runDir)/output.ipynb",
                ], directory: runDir)
            #expect(run.exitCode == category.exitCode, "\(name): \(run.stderr)")
            #expect(try run.summary().errorCategory == category, "\(name)")
            #expect(FileSystem.exists(run.resultPath), "\(name): no result file")
            try await expectValid(run)
        }
    }

    @Test func cellTimeout() async throws {
        let run = try await Nbrunner.run(Paths.notebook("sleep.ipynb"), ["--cell-timeout", "2s"])
        #expect(run.exitCode == 5, "\(run.stderr)")
        #expect(try run.checkContract().errorCategory == .timeout)
        try await expectValid(run)
    }

    @Test func cancelledBySigterm() async throws {
        let finished = try await SignalledRun().run(
            Paths.notebook("sleep.ipynb"), trigger: "cell 2/3 (cell_index 1) started",
            signals: [(.terminate, .seconds(1))])
        #expect(finished.exitCode == 143, "\(finished.stderr)")
        #expect(try finished.checkContract().errorCategory == .cancelled)
        try await expectValid(finished)
    }

    /// OpenShift-style: a random UID in group 0 with `HOME=/`, so `environment` has redirected
    /// locations with `from` and `reason`, and no passwd entry.
    @Test(.enabled(if: RandomUID.available, "needs root to switch UID")) func randomUID() async throws {
        let random = try RandomUID(notebook: Paths.notebook("params.ipynb"))
        let run = try await random.run(["-p", "a", "42"], environment: ["HOME": "/"])
        #expect(run.exitCode == 0, "\(run.stderr)")
        let result = try run.checkContract()
        #expect(result.environment?.location("HOME")?.decision == .redirected)
        try await expectValid(run)
    }

    /// Validation failures, real: `--fail-on-stderr` at level production fails validation.ipynb's
    /// cells 2-4 with all three `validation_*` categories (cell 3 with two reasons), and the run
    /// with the first. Then alterations of its `validation` and `failed_cell.reason`.
    @Test func validationFailure() async throws {
        let run = try await Nbrunner.run(Paths.notebook("validation.ipynb"), ["--validation-level", "production", "--fail-on-stderr"])
        #expect(run.exitCode == 1, "\(run.stderr.suffix(2000))")
        let result = try run.checkContract()
        #expect(result.errorCategory == .validationStderrFailure)
        #expect(
            result.validation?.offendingCells.map(\.category)
                == [.validationStderrFailure, .validationWarningFailure, .validationStrictModeFailure])
        #expect(result.failedCell?.reason == "wrote to stderr: progress: half way")
        try await expectValid(run)

        let long = "'wrote to stderr: ' + 'x' * 301"
        try await expectAlterations(
            of: run,
            rejected: [
                ("result", "no validation", "del d['validation']", "'validation' is a required property"),
                ("result", "an unknown validation status", "d['validation']['status'] = 'skipped'", "$.validation.status"),
                ("result", "passed with offending cells", "d['validation']['status'] = 'passed'", "$.validation.status"),
                ("result", "an unknown key in an offending cell", "d['validation']['offending_cells'][0]['traceback'] = []", "$.validation.offending_cells[0]"),
                (
                    "result", "an offending cell with an execution category", "d['validation']['offending_cells'][1]['category'] = 'notebook_execution_failed'",
                    "$.validation.offending_cells[1].category"
                ),
                (
                    "result", "a silent failure that is not strict mode's", "d['validation']['offending_cells'][2]['category'] = 'validation_warning_failure'",
                    "$.validation.offending_cells[2].category"
                ),
                (
                    "result", "an offending cell without reasons", "d['validation']['offending_cells'][0]['reasons'] = []",
                    "$.validation.offending_cells[0].reasons"
                ),
                (
                    "result", "an unknown finding kind", "d['validation']['offending_cells'][0]['reasons'][0]['kind'] = 'stdout'",
                    "$.validation.offending_cells[0].reasons[0].kind"
                ),
                (
                    "result", "a finding over its bound", "d['validation']['offending_cells'][0]['reasons'][0]['message'] = \(long)",
                    "$.validation.offending_cells[0].reasons[0].message"
                ),
                (
                    "result", "a first offending cell that is not the run's category", "d['error_category'] = 'validation_warning_failure'",
                    "$.validation.offending_cells[0].category"
                ),
                (
                    "result", "a stderr failure with fail-on-stderr off",
                    "d['validation']['policy']['fail_on_stderr'] = {'enabled': False, 'source': '--no-fail-on-stderr'}",
                    "$.validation.policy.fail_on_stderr.enabled"
                ),
                (
                    "result", "a variable that turns a policy off",
                    "d['validation']['policy']['fail_on_stderr'] = {'enabled': False, 'source': 'VALIDATION_FAIL_ON_STDERR'}",
                    "$.validation.policy.fail_on_stderr.enabled"
                ),
                (
                    "result", "another policy's flag", "d['validation']['policy']['fail_on_stderr']['source'] = '--strict'",
                    "$.validation.policy.fail_on_stderr.source"
                ),
                ("result", "another level's preset", "d['validation']['policy']['strict_mode']['source'] = 'level staging'", "$.validation.policy.strict_mode"),
                (
                    "result", "a preset value that is not the level's", "d['validation']['policy']['detect_silent_failures']['enabled'] = False",
                    "$.validation.policy.detect_silent_failures"
                ),
                ("result", "an unknown level", "d['validation']['policy']['level'] = 'paranoid'", "$.validation.policy.level"),
                ("result", "level production by default", "d['validation']['policy']['level_source'] = 'default'", "$.validation.policy.level"),
                (
                    "result", "a warning under strict mode", "d['validation']['warnings'] = [{'cell_index': 4, 'kind': 'silent_failure', 'message': 'x'}]",
                    "$.validation.policy.strict_mode.enabled"
                ),
                (
                    "result", "a stderr warning", "d['validation']['warnings'] = [{'cell_index': 2, 'kind': 'stderr', 'message': 'x'}]",
                    "$.validation.warnings[0].kind"
                ),
                ("result", "a validation failure without its reason", "del d['failed_cell']['reason']", "'reason' is a required property"),
                ("result", "a reason over its bound", "d['failed_cell']['reason'] = 'x' * 365", "$.failed_cell.reason"),
                ("termination", "a reason over its bound", "d['failed_cell']['reason'] = 'x' * 365", "$.failed_cell.reason"),
                ("termination", "a reason for an execution failure", "d['error_category'] = 'notebook_execution_failed'", "$.error_category"),
            ])
    }

    /// More offending cells and warnings than the result lists, real (validation-many.ipynb:
    /// 105 cells that write to stderr and print a traceback): the first 100 of each and the
    /// counts of the rest. Then alterations of those bounds.
    @Test func validationLongLists() async throws {
        let run = try await Nbrunner.run(Paths.notebook("validation-many.ipynb"), ["--fail-on-stderr"])
        #expect(run.exitCode == 1, "\(run.stderr.suffix(2000))")
        let result = try run.checkContract()
        let validation = try #require(result.validation)
        #expect(validation.offendingCells.count == 100)
        #expect(validation.offendingCellsOmitted == 5)
        #expect(validation.warnings.count == 100)
        #expect(validation.warningsOmitted == 5)
        #expect(result.statistics.failedCells == 105, "every offending cell is failed, listed or not")
        #expect(result.error.hasSuffix("; 104 more cells failed validation"))
        try await expectValid(run)

        try await expectAlterations(
            of: run,
            rejected: [
                ("result", "offending cells omitted from a short list", "d['validation']['offending_cells'].pop()", "$.validation.offending_cells"),
                ("result", "warnings omitted from a short list", "d['validation']['warnings'].pop()", "$.validation.warnings"),
                (
                    "result", "offending cells over their bound", "d['validation']['offending_cells'].append(d['validation']['offending_cells'][0])",
                    "$.validation.offending_cells"
                ),
                ("result", "warnings over their bound", "d['validation']['warnings'].append(d['validation']['warnings'][0])", "$.validation.warnings"),
                ("result", "none omitted", "d['validation']['warnings_omitted'] = 0", "$.validation.warnings_omitted"),
                ("result", "passed with offending cells omitted", "d['validation']['status'] = 'passed'", "$.validation"),
            ])
    }

    /// A golden mismatch, real (golden-source.ipynb against golden-mismatch.ipynb: an
    /// output_mismatch and a missing_cell), then alterations of its `comparison`.
    /// The first difference is a cell only the golden notebook has: `failed_cell` has only its
    /// reason (no cell of the run differs).
    @Test func goldenMissingCellFirst() async throws {
        let run = try await Nbrunner.run(Paths.notebook("golden-short.ipynb"), ["--golden", Paths.notebook("golden-match.ipynb")])
        #expect(run.exitCode == 1, "\(run.stderr.suffix(2000))")
        let result = try run.checkContract()
        #expect(result.comparison?.diffs.map(\.diffType) == [.missingCell])
        #expect(result.failedCell?.cellIndex == nil && result.failedCell?.reason == "differs from the golden notebook (missing_cell)")
        #expect(result.comparison?.diffs.first?.expected.hasPrefix("[code cell] ") == true)
        try await expectValid(run)
    }

    @Test func goldenMismatch() async throws {
        let run = try await Nbrunner.run(Paths.notebook("golden-source.ipynb"), ["--golden", Paths.notebook("golden-mismatch.ipynb")])
        #expect(run.exitCode == 1, "\(run.stderr.suffix(2000))")
        let result = try run.checkContract()
        #expect(result.errorCategory == .goldenMismatch)
        #expect(result.comparison?.diffs.map(\.diffType) == [.outputMismatch, .missingCell])
        try await expectValid(run)

        try await expectAlterations(
            of: run,
            rejected: [
                ("result", "no comparison", "del d['comparison']", "'comparison' is a required property"),
                ("result", "a matched comparison", "d['comparison']['result'] = 'matched'", "$.comparison.result"),
                ("result", "a camelCase key", "d['comparison']['totalCells'] = 6", "$.comparison"),
                ("result", "failed without a mismatch", "d['comparison']['mismatched_cells'] = 0", "$.comparison.mismatched_cells"),
                ("result", "normalized without its tolerance", "del d['comparison']['float_tolerance']", "'float_tolerance' is a required property"),
                ("result", "exact with a tolerance", "d['comparison']['strategy'] = 'exact'", "$.comparison"),
                ("result", "skipped without a reason", "d['comparison']['result'] = 'skipped'", "'reason' is a required property"),
                ("result", "an unknown output type", "d['comparison']['ignored_output_types'] = ['stderr']", "$.comparison.ignored_output_types[0]"),
                ("result", "diffs omitted from a short list", "d['comparison']['diffs_omitted'] = 3", "$.comparison.diffs"),
                ("result", "an unknown diff type", "d['comparison']['diffs'][0]['diff_type'] = 'changed'", "$.comparison.diffs[0].diff_type"),
                ("result", "a major execution error", "d['comparison']['diffs'][0]['diff_type'] = 'execution_error'", "$.comparison.diffs[0].severity"),
                ("result", "a missing cell with an actual text", "d['comparison']['diffs'][1]['actual'] = 'x'", "$.comparison.diffs[1].actual"),
                ("result", "an expected text over its bound", "d['comparison']['diffs'][0]['expected'] = 'x' * 501", "$.comparison.diffs[0].expected"),
                ("result", "a diff over its bound", "d['comparison']['diffs'][0]['diff'] = 'x' * 1001", "$.comparison.diffs[0].diff"),
                ("result", "an unknown key in a diff", "d['comparison']['diffs'][0]['lines'] = []", "$.comparison.diffs[0]"),
            ])
    }

    /// A golden match, real, with `ignored_output_types` and an ignored cell.
    @Test func goldenMatch() async throws {
        let run = try await Nbrunner.run(
            Paths.notebook("golden-source.ipynb"),
            ["--golden", Paths.notebook("golden-match.ipynb"), "--golden-ignore-output-type", "display_data"])
        #expect(run.exitCode == 0, "\(run.stderr.suffix(2000))")
        let comparison = try #require(try run.checkContract().comparison)
        #expect(comparison.result == .matched)
        #expect(comparison.ignoredOutputTypes == ["display_data"])
        try await expectValid(run)

        try await expectAlterations(
            of: run,
            rejected: [
                ("result", "matched with a mismatch", "d['comparison']['mismatched_cells'] = 1", "$.comparison.mismatched_cells"),
                ("result", "matched with a reason", "d['comparison']['reason'] = 'papermill wrote no readable executed notebook'", "$.comparison"),
                ("result", "a golden failure on success", "d['comparison']['result'] = 'failed'", "$.comparison"),
            ])
    }

    /// `raises-exception`, real: as is, a success whose tagged cell keeps its error and whose
    /// validation has an `allowed_error` warning; with `--strict`, a strict-mode failure whose
    /// `failed_cell` has `ename`, `evalue` and `reason`.
    @Test func raisesException() async throws {
        let run = try await Nbrunner.run(Paths.notebook("raises-exception.ipynb"))
        #expect(run.exitCode == 0, "\(run.stderr.suffix(2000))")
        let result = try run.checkContract()
        #expect(result.cells[1].ename == "ValueError")
        #expect(result.validation?.warnings.map(\.kind) == [.allowedError])
        try await expectValid(run)

        let strict = try await Nbrunner.run(Paths.notebook("raises-exception.ipynb"), ["--strict"])
        #expect(strict.exitCode == 1, "\(strict.stderr.suffix(2000))")
        let failed = try strict.checkContract()
        #expect(failed.errorCategory == .validationStrictModeFailure)
        #expect(failed.validation?.offendingCells.first?.reasons.map(\.kind) == [.allowedError])
        #expect(failed.failedCell?.ename == "ValueError" && failed.failedCell?.reason != nil)
        try await expectValid(strict)

        try await expectAlterations(
            of: run,
            rejected: [
                ("result", "an unknown warning kind", "d['validation']['warnings'][0]['kind'] = 'warning'", "$.validation.warnings[0].kind"),
                (
                    "result", "an allowed error under strict mode", "d['validation']['policy']['strict_mode'] = {'enabled': True, 'source': '--strict'}",
                    "$.validation.policy.strict_mode.enabled"
                ),
                ("result", "a warning over its bound", "d['validation']['warnings'][0]['message'] = 'raised ' + 'x' * 340", "$.validation.warnings[0].message"),
                ("result", "a not_checked validation with warnings", "d['validation']['status'] = 'not_checked'", "$.validation.warnings"),
                ("result", "a reason on success", "d['failed_cell'] = {'cell_index': 1, 'reason': 'x'}", "$.error_category"),
            ])
    }

    /// Every category the code knows, through the real assembler and renderer: a category added
    /// to ErrorCategory.swift without the schema fails here. The validation and golden categories
    /// come with what the verdict always gives them: the report and a `failed_cell` with a reason.
    @Test func everyCategory() async throws {
        let dir = temporaryDirectory()
        var results: [String] = []
        var messages: [String] = []
        let cells = [CellResult(cellIndex: 0, cellType: "markdown")]
        func decode<T: Decodable>(_ type: T.Type, _ json: String) throws -> T {
            try ResultJSON.decoder().decode(type, from: Data(json.utf8))
        }
        let policy =
            #"{"level": "production", "level_source": "--validation-level", "fail_on_stderr": {"enabled": true, "source": "--fail-on-stderr"}, "fail_on_warnings": {"enabled": true, "source": "level production"}, "strict_mode": {"enabled": true, "source": "level production"}, "detect_silent_failures": {"enabled": true, "source": "level production"}}"#
        let kinds: [ErrorCategory: String] = [
            .validationStderrFailure: "stderr", .validationWarningFailure: "warning",
            .validationStrictModeFailure: "silent_failure",
        ]
        for category in ErrorCategory.allCases {
            for signal: Int32? in category == .cancelled ? [SIGTERM, SIGINT, SIGHUP] : [nil] {
                let now = Date.now
                var record = RunRecord()
                var failedCell: RunResult.FailedCell?
                if let kind = kinds[category] {
                    record.validation = try decode(
                        ValidationReport.self,
                        #"{"policy": \#(policy), "status": "failed", "warnings": [], "offending_cells": [{"cell_index": 0, "category": "\#(category.rawValue)", "reasons": [{"kind": "\#(kind)", "message": "a finding"}]}]}"#
                    )
                    failedCell = try decode(RunResult.FailedCell.self, #"{"cell_index": 0, "reason": "a finding"}"#)
                } else if category == .goldenMismatch {
                    record.comparison = try decode(
                        ComparisonReport.self,
                        #"{"strategy": "normalized", "result": "failed", "golden_path": "/g.ipynb", "total_cells": 1, "matched_cells": 0, "mismatched_cells": 1, "ignored_cells": 0, "float_tolerance": 0.0001, "diffs": [{"cell_index": 0, "cell_type": "markdown", "diff_type": "output_mismatch", "expected": "A", "actual": "B", "diff": "--- golden\n+++ executed\n@@ -1,1 +1,1 @@\n-A\n+B", "severity": "major"}]}"#
                    )
                    failedCell = try decode(RunResult.FailedCell.self, #"{"cell_index": 0, "reason": "differs from the golden notebook (output_mismatch)"}"#)
                }
                var result = ResultAssembler.assemble(
                    category: category, message: category == .none ? "None" : "a \(category.rawValue) message",
                    cells: cells, failedCell: failedCell, signal: signal, configuration: nil, notebookPath: "/n.ipynb",
                    record: record, timing: .init(started: now, finished: now))
                result.resultPath = "\(dir)/r.json"
                let name = "\(dir)/\(category.rawValue)\(signal.map { "-\($0)" } ?? "")"
                try Data(try ResultJSON.encode(result)).write(to: URL(filePath: name + ".json"))
                try Data(TerminationMessage.render(result, budget: 4096)).write(to: URL(filePath: name + ".termination"))
                results.append(name + ".json")
                messages.append(name + ".termination")
            }
        }
        let r = try await DocsTools.validate(results, against: DocsTools.resultSchema)
        #expect(r.code == 0, "\(r.output)")
        let t = try await DocsTools.validate(messages, against: DocsTools.terminationSchema)
        #expect(t.code == 0, "\(t.output)")
    }

    /// The schemas can fail: each alteration of a real result or termination message is
    /// rejected, naming the place; the unaltered documents, and an unknown top-level field (fields
    /// are added over time), pass.
    @Test func alteredDocumentsAreRejected() async throws {
        let run = try await Nbrunner.run(Paths.notebook("error.ipynb"))
        #expect(run.exitCode == 1, "\(run.stderr)")
        try run.checkContract()

        let accepted: [(String, String, String)] = [
            ("result", "unaltered", "pass"),
            ("result", "a new top-level object", "d['attestation'] = {'signed': False}"),
            ("termination", "unaltered", "pass"),
            ("termination", "a new top-level field", "d['attempt'] = 2"),
        ]
        let rejected: [(String, String, String, String)] = [
            ("result", "an unknown status", "d['status'] = 'passed'", "$.status"),
            ("result", "an unknown category", "d['error_category'] = 'out_of_memory'", "$.error_category"),
            ("result", "an exit code that is not the category's", "d['exit_code'] = 3", "$.exit_code"),
            ("result", "exit 126", "d['exit_code'] = 126", "$.exit_code"),
            ("result", "retryable that is not the category's", "d['retryable'] = True", "$.retryable"),
            ("result", "no exit_code", "del d['exit_code']", "'exit_code' is a required property"),
            ("result", "success with a failed cell", "d.update(status='succeeded', error_category='none', exit_code=0, error='None')", "failed_cell"),
            ("result", "schema_version 2", "d['schema_version'] = 2", "$.schema_version"),
            ("result", "fractional seconds in timestamp", "d['timestamp'] = '2026-11-23T01:17:02.5Z'", "$.timestamp"),
            ("result", "an unknown key in a cell", "d['cells'][1]['output'] = 'x'", "$.cells[1]"),
            ("result", "a code cell without status", "del d['cells'][1]['status']", "$.cells[1]"),
            ("result", "a markdown cell with a status", "d['cells'][0]['status'] = 'succeeded'", "$.cells[0]"),
            ("result", "no execution_count", "del d['cells'][0]['execution_count']", "$.cells[0]"),
            ("result", "a string success_rate", "d['statistics']['success_rate'] = '33.33'", "$.statistics.success_rate"),
            ("result", "statistics without skipped_cells", "del d['statistics']['skipped_cells']", "$.statistics"),
            ("result", "a traceback in failed_cell", "d['failed_cell']['traceback'] = []", "$.failed_cell"),
            ("result", "an unknown location decision", "d['environment']['locations'][0]['decision'] = 'moved'", "$.environment.locations[0].decision"),
            ("result", "a value in secrets", "d['secrets']['values'] = {'DB_PASSWORD': 'x'}", "$.secrets"),
            ("result", "papermill with an unknown key", "d['papermill']['stderr'] = ''", "$.papermill"),
            ("result", "an active sandbox without its list", "d['sandbox'] = {'mode': 'on', 'active': True}", "$.sandbox"),
            ("result", "an unknown sandbox mode", "d['sandbox']['mode'] = 'strict'", "$.sandbox.mode"),
            ("termination", "an unknown category", "d['error_category'] = 'oom'", "$.error_category"),
            ("termination", "no retryable", "del d['retryable']", "retryable"),
            ("termination", "an exit code that is not the category's", "d['exit_code'] = 2", "$.exit_code"),
            ("termination", "a traceback in failed_cell", "d['failed_cell']['traceback'] = ['x']", "$.failed_cell"),
            ("termination", "statistics without code_cells", "del d['statistics']['code_cells']", "$.statistics"),
            ("termination", "a message on success", "d.update(status='succeeded', error_category='none', exit_code=0)", "message"),
        ]

        try await expectAlterations(of: run, accepted: accepted, rejected: rejected)
    }

    /// Each alteration (`d`, the decoded document, changed by a line of Python) of the run's result
    /// file ("result") or termination message ("termination"): the accepted ones pass their
    /// schema, the rejected ones fail it with an error that names `place`. One Python and one
    /// check-jsonschema per schema for all of them, whose output is split by file.
    func expectAlterations(
        of run: Finished, accepted: [(String, String, String)] = [],
        rejected: [(String, String, String, String)],
        sourceLocation: SourceLocation = #_sourceLocation
    ) async throws {
        let dir = temporaryDirectory()
        let all = accepted.map { ($0.0, $0.1, $0.2, nil as String?) } + rejected.map { ($0.0, $0.1, $0.2, $0.3 as String?) }
        let files = all.indices.map { "\(dir)/\(all[$0].0)-\($0).json" }
        let jobs = zip(all, files).map { alteration, file in
            [alteration.0 == "result" ? run.resultPath : run.terminationPath, file, alteration.2]
        }
        try Data(try JSONEncoder().encode(jobs)).write(to: URL(filePath: "\(dir)/jobs.json"))
        let script = """
            import json, sys
            for source, target, code in json.load(open(sys.argv[1])):
                d = json.load(open(source))
                exec(code)
                json.dump(d, open(target, 'w'))
            """
        let (status, output) = try await DocsTools.run(Paths.python, ["-c", script, "\(dir)/jobs.json"])
        try #require(status == 0, "\(output)", sourceLocation: sourceLocation)

        for kind in ["result", "termination"] {
            let schema = kind == "result" ? DocsTools.resultSchema : DocsTools.terminationSchema
            let mine = all.indices.filter { all[$0].0 == kind }
            if mine.isEmpty { continue }
            let (_, output) = try await DocsTools.validate(mine.map { files[$0] }, against: schema)
            // Each error is a line `  FILE::$.path: message`, possibly continued on the next lines.
            var errors: [String: String] = [:]
            var current: String?
            for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
                let trimmed = line.drop { $0 == " " }
                if trimmed.hasPrefix(dir + "/"), let end = trimmed.firstRange(of: "::") {
                    current = String(trimmed[..<end.lowerBound])
                }
                if let current { errors[current, default: ""] += line + "\n" }
            }
            for n in mine {
                let (_, what, _, place) = all[n]
                let found = errors[files[n]]
                if let place {
                    #expect(found != nil, "\(kind), \(what): must be rejected: \(output)", sourceLocation: sourceLocation)
                    #expect(
                        found?.contains(place) == true, "\(kind), \(what): the error should name \(place): \(found ?? output)",
                        sourceLocation: sourceLocation)
                } else {
                    #expect(found == nil, "\(kind), \(what): must pass: \(found ?? "")", sourceLocation: sourceLocation)
                }
            }
        }
    }

    /// The result file, the JSON of the `Results Summary:` block and the termination message of
    /// one run, each against its schema.
    func expectValid(_ run: Finished, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let summaryPath = "\(run.directory)/summary.json"
        let log = run.stderr + run.stdout
        let marker = try #require(log.firstRange(of: "Results Summary:"), sourceLocation: sourceLocation)
        let rest = log[marker.upperBound...]
        let open = try #require(rest.firstIndex(of: "{"), sourceLocation: sourceLocation)
        let close = try #require(rest.lastIndex(of: "}"), sourceLocation: sourceLocation)
        try Data(rest[open...close].utf8).write(to: URL(filePath: summaryPath))

        var results = [summaryPath]
        if FileSystem.exists(run.resultPath) { results.append(run.resultPath) }
        let r = try await DocsTools.validate(results, against: DocsTools.resultSchema)
        #expect(r.code == 0, "\(r.output)", sourceLocation: sourceLocation)
        #expect(FileSystem.exists(run.terminationPath), "no termination message", sourceLocation: sourceLocation)
        let t = try await DocsTools.validate([run.terminationPath], against: DocsTools.terminationSchema)
        #expect(t.code == 0, "\(t.output)", sourceLocation: sourceLocation)
    }
}
