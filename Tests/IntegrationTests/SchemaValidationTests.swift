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
/// a cancellation and a random-UID run; every category the code can produce; and a schema that
/// rejects altered documents, so a green run means something.
@Suite(.enabled(if: DocsTools.checkJSONSchemaConfigured,
                "check-jsonschema not found: run scripts/setup-tools-venv.sh or set NBRUNNER_TEST_CHECK_JSONSCHEMA (scripts/test.sh does)"),
       .timeLimit(.minutes(3)))
struct SchemaValidationTests {
    init() throws {
        try #require(DocsTools.isExecutable(DocsTools.checkJSONSchema),
                     "\(DocsTools.checkJSONSchema) is not executable: run scripts/setup-tools-venv.sh")
    }

    @Test func theSchemasAreValidDraft2020_12() async throws {
        let (code, output) = try await DocsTools.run(DocsTools.checkJSONSchema,
                                                     ["--check-metaschema", DocsTools.resultSchema, DocsTools.terminationSchema])
        #expect(code == 0, "\(output)")
    }

    @Test func success() async throws {
        // A secrets folder too, so `secrets.files` has a loaded and a skipped entry.
        let secrets = temporaryDirectory()
        try Data("export DB_USER=reader\nexport DB_PASSWORD='Pa$$w0rd'\n".utf8).write(to: URL(filePath: "\(secrets)/db"))
        try Data(#"{"API_TOKEN": "t0ken-value"}"#.utf8).write(to: URL(filePath: "\(secrets)/api"))
        try Data("stale".utf8).write(to: URL(filePath: "\(secrets)/db.bak"))
        let run = try await Nbrunner.run(Paths.notebook("params.ipynb"),
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
            let run = try await Nbrunner.raw(arguments, environment: [
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
        let finished = try await SignalledRun().run(Paths.notebook("sleep.ipynb"), trigger: "cell 2/3 (cell_index 1) started",
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

    /// Every category the code knows, through the real assembler and renderer: a category added
    /// to ErrorCategory.swift without the schema fails here.
    @Test func everyCategory() async throws {
        let dir = temporaryDirectory()
        var results: [String] = []
        var messages: [String] = []
        let cells = [CellResult(cellIndex: 0, cellType: "markdown")]
        for category in ErrorCategory.allCases {
            for signal: Int32? in category == .cancelled ? [SIGTERM, SIGINT, SIGHUP] : [nil] {
                let now = Date.now
                var result = ResultAssembler.assemble(
                    category: category, message: category == .none ? "None" : "a \(category.rawValue) message",
                    cells: cells, failedCell: nil, signal: signal, configuration: nil, notebookPath: "/n.ipynb",
                    facts: RunFacts(), timing: .init(started: now, finished: now))
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

        let dir = temporaryDirectory()
        func alter(_ kind: String, _ code: String, _ n: Int) async throws -> String {
            let source = kind == "result" ? run.resultPath : run.terminationPath
            let target = "\(dir)/\(kind)-\(n).json"
            let script = """
                import json, sys
                d = json.load(open(sys.argv[1]))
                exec(sys.argv[3])
                json.dump(d, open(sys.argv[2], 'w'))
                """
            let (status, output) = try await DocsTools.run(Paths.python, ["-c", script, source, target, code])
            try #require(status == 0, "\(code): \(output)")
            return target
        }
        func schema(_ kind: String) -> String { kind == "result" ? DocsTools.resultSchema : DocsTools.terminationSchema }

        for (n, (kind, what, code)) in accepted.enumerated() {
            let file = try await alter(kind, code, n)
            let (status, output) = try await DocsTools.validate([file], against: schema(kind))
            #expect(status == 0, "\(kind), \(what): must pass: \(output)")
        }
        for (n, (kind, what, code, place)) in rejected.enumerated() {
            let file = try await alter(kind, code, 100 + n)
            let (status, output) = try await DocsTools.validate([file], against: schema(kind))
            #expect(status == 1, "\(kind), \(what): must be rejected: \(output)")
            #expect(output.contains(place), "\(kind), \(what): the error should name \(place): \(output)")
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
