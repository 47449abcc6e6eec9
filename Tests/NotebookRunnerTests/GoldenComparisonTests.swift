import Testing

@testable import NotebookRunner

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct GoldenComparisonTests {
    func stdout(_ text: String) -> NotebookDocument.Output { .init(outputType: "stream", name: "stdout", text: text) }
    func result(_ text: String, count: Int? = nil) -> NotebookDocument.Output {
        .init(outputType: "execute_result", text: text, mimeTypes: ["text/plain"], executionCount: count)
    }
    func image(_ digest: String) -> NotebookDocument.Output {
        .init(outputType: "display_data", text: "<Figure size 640x480 with 1 Axes>", mimeTypes: ["image/png", "text/plain"], dataDigest: digest)
    }

    func compare(
        _ executed: [NotebookDocument.Cell], _ golden: [NotebookDocument.Cell],
        _ settings: GoldenSettings = GoldenSettings(path: "/g.ipynb"), source: [NotebookDocument.Cell]? = nil
    ) -> ComparisonReport {
        let sourceCells =
            source ?? executed.filter { !$0.tags.contains(NotebookDocument.errorMarkerTag) && !$0.tags.contains(NotebookDocument.injectedParametersTag) }
        return GoldenComparison(settings: settings).compare(source: document(sourceCells), executed: document(executed), golden: document(golden))
    }

    @Test func normalizedMatchesDespiteTimestampsAddressesCountsAndFloatNoise() {
        let golden = [
            cell("markdown", "# Report  \n"),
            cell(count: 1, outputs: [stdout("run at 2025-01-01 10:00:00.123\n<obj at 0x7f0000000001>\n")]),
            cell(count: 2, outputs: [result("0.30000000000000004", count: 2)]),
            cell(count: 3, outputs: [image("aaaa")]),
        ]
        let executed = [
            cell("markdown", "# Report\n"),
            cell(count: 7, outputs: [stdout("run at 2026-11-23 03:04:05.999\n"), stdout("<obj at 0x7fffabcdef12>\n\n")]),
            cell(count: 8, outputs: [result("0.30003", count: 8)]),
            cell(count: 9, outputs: [image("bbbb")]),
        ]
        let report = compare(executed, golden)
        #expect(report.result == .matched, "\(report.diffs)")
        #expect(report.matchedCells == 4)
        #expect(report.totalCells == 4)
        #expect(report.floatTolerance == 0.0001)
        #expect(report.strategy == .normalized)
    }

    @Test func exactSeesCountsImagesAndTimestamps() {
        let golden = [cell(count: 1, outputs: [image("aaaa")]), cell(count: 2, outputs: [stdout("same\n")])]
        let executed = [cell(count: 1, outputs: [image("bbbb")]), cell(count: 3, outputs: [stdout("same\n")])]
        let report = compare(executed, golden, GoldenSettings(path: "/g", strategy: .exact))
        #expect(report.result == .failed)
        #expect(report.diffs.map(\.cellIndex) == [0, 1])
        #expect(report.diffs[0].diff.contains("-[data aaaa]\n+[data bbbb]"))
        #expect(report.diffs[1].diff.contains("-[execution_count 2]\n+[execution_count 3]"))
        #expect(report.floatTolerance == nil)
    }

    @Test func mismatchNamesTheCellAndShowsAReadableDiff() {
        let golden = [cell(count: 1, outputs: [stdout("accuracy 0.95\nrows 100\n")]), cell(count: 2)]
        let executed = [cell(count: 1, outputs: [stdout("accuracy 0.91\nrows 100\n")]), cell(count: 2)]
        let report = compare(executed, golden)
        #expect(report.result == .failed)
        #expect(report.matchedCells == 1)
        #expect(report.mismatchedCells == 1)
        let diff = try! #require(report.diffs.first)
        #expect(diff.cellIndex == 0)
        #expect(diff.diffType == .outputMismatch)
        #expect(diff.severity == .major)
        #expect(diff.expected == "[stream stdout]\naccuracy 0.95\nrows 100")
        #expect(diff.actual == "[stream stdout]\naccuracy 0.91\nrows 100")
        #expect(diff.diff == "--- golden\n+++ executed\n@@ -1,3 +1,3 @@\n [stream stdout]\n-accuracy 0.95\n+accuracy 0.91\n rows 100")
    }

    @Test func extraAndMissingCells() {
        let golden = [cell(count: 1), cell(count: 2, outputs: [stdout("b\n")]), cell("markdown", "end")]
        let fewer = compare([cell(count: 1)], golden)
        #expect(fewer.diffs.map(\.diffType) == [.missingCell, .missingCell])
        #expect(fewer.diffs.map(\.cellIndex) == [1, 2])
        #expect(fewer.diffs[0].expected == "[code cell] x = 1\n[stream stdout]\nb")
        #expect(fewer.diffs[1].cellType == "markdown")
        #expect(fewer.totalCells == 3)
        let more = compare(
            [cell(count: 1), cell(count: 2, outputs: [stdout("b\n")]), cell("markdown", "end"), cell(count: 3, outputs: [stdout("extra\n")])], golden)
        #expect(more.diffs.map(\.diffType) == [.extraCell])
        #expect(more.diffs[0].cellIndex == 3)
        #expect(more.diffs[0].actual == "[code cell] x = 1\n[stream stdout]\nextra")
        #expect(more.diffs[0].diff.contains("+extra"))
    }

    /// A missing code cell without outputs still says what is missing.
    @Test func aMissingCellWithoutOutputsIsNamed() {
        let report = compare([cell(count: 1)], [cell(count: 1), cell("code", "total = 0\nfor x in xs: total += x")])
        #expect(report.diffs.map(\.diffType) == [.missingCell])
        #expect(report.diffs[0].expected == "[code cell] total = 0")
        #expect(report.diffs[0].diff.contains("-[code cell] total = 0"))
    }

    @Test func aNewErrorIsAnExecutionError() {
        let golden = [cell(count: 1, outputs: [stdout("ok\n")])]
        let executed = [cell(count: 1, outputs: [errorOutput("KeyError", "'x'")])]
        let report = compare(executed, golden)
        #expect(report.diffs.first?.diffType == .executionError)
        #expect(report.diffs.first?.severity == .critical)
        #expect(report.diffs.first?.actual == "[error]\nKeyError: 'x'")
        // The same error on both sides (a raises-exception cell) is just compared.
        let same = compare([cell(count: 1, outputs: [errorOutput("KeyError", "'x'")])], [cell(count: 1, outputs: [errorOutput("KeyError", "'x'")])])
        #expect(same.result == .matched)
    }

    @Test func ignoreTagsOutputTypesAndPatterns() {
        let golden = [
            cell(count: 1, tags: ["nbval-ignore-output"], outputs: [stdout("random 0.1\n")]),
            cell(count: 2, outputs: [stdout("random 0.7\n")]),
            cell(count: 3, outputs: [stdout("kept\n"), image("a")]),
            cell(count: 4, outputs: [stdout("run id: 7f3a-11\n")]),
        ]
        let executed = [
            cell(count: 1, tags: ["nbval-ignore-output"], outputs: [stdout("random 0.9\n")]),
            cell(count: 2, tags: ["nbrunner-ignore-output"], outputs: [stdout("random 0.2\n")]),
            cell(count: 3, outputs: [stdout("kept\n")]),
            cell(count: 4, outputs: [stdout("run id: 99zz-42\n")]),
        ]
        let plain = compare(executed, golden)
        #expect(plain.ignoredCells == 2)
        #expect(plain.diffs.map(\.cellIndex) == [2, 3])
        let settings = GoldenSettings(path: "/g", ignorePatterns: [#"run id: \S+"#], ignoreOutputTypes: ["display_data"])
        let tuned = compare(executed, golden, settings)
        #expect(tuned.result == .matched, "\(tuned.diffs)")
        #expect(tuned.ignoredCells == 2)
        #expect(tuned.matchedCells == 2)
        #expect(tuned.ignoredOutputTypes == ["display_data"])
    }

    @Test func papermillsCellsAreLeftOutAndIndicesAreSourceIndices() {
        let m = NotebookDocument.errorMarkerTag
        let source = [cell(count: nil, tags: ["parameters"]), cell("markdown", "text"), cell(count: nil)]
        let executed = [
            cell("markdown", "marker", tags: [m]), cell(count: 1, tags: ["parameters"]),
            cell(count: 2, tags: [NotebookDocument.injectedParametersTag]), cell("markdown", "text"),
            cell("markdown", "anchor", tags: [m]), cell(count: 3, outputs: [errorOutput("ValueError", "x")]),
        ]
        let golden = [
            cell(count: 1, tags: ["parameters"]), cell(count: 2, tags: [NotebookDocument.injectedParametersTag]),
            cell("markdown", "text"), cell(count: 3, outputs: [stdout("fine\n")]),
        ]
        let report = compare(executed, golden, source: source)
        #expect(report.totalCells == 3)
        #expect(report.diffs.map(\.cellIndex) == [2])
        #expect(report.diffs.first?.diffType == .executionError)
    }

    @Test func typeMismatchAndBoundedTexts() {
        let long = String(repeating: "y", count: 5000)
        let report = compare([cell(count: 1, outputs: [stdout(long + "\n")])], [cell("markdown", "doc")])
        let diff = try! #require(report.diffs.first)
        #expect(diff.diffType == .outputMismatch)
        #expect(diff.expected.hasPrefix("[markdown cell]"))
        #expect(diff.actual.utf8.count <= ComparisonReport.maxTextBytes)
        #expect(diff.diff.utf8.count <= ComparisonReport.maxDiffBytes)
    }

    @Test func manyDiffsAreCappedWithACount() {
        let golden = (0..<30).map { (i: Int) in cell(count: i, outputs: [stdout("\(i)\n")]) }
        let executed = (0..<30).map { (i: Int) in cell(count: i, outputs: [stdout("\(i + 1)\n")]) }
        let report = compare(executed, golden)
        #expect(report.mismatchedCells == 30)
        #expect(report.diffs.count == ComparisonReport.maxDiffs)
        #expect(report.diffsOmitted == 30 - ComparisonReport.maxDiffs)
    }

    /// The review's golden cell against an executed one that differs in every line: a version,
    /// a count, a UUID, a dtype and an integer above 2^53. All used to match.
    @Test func theReviewsRegressionsAreMismatches() {
        let golden = [
            cell(
                count: 1,
                outputs: [
                    stdout("pandas 1.2.3\nrows 1249975000\nrun id 550e8400-e29b-41d4-a716-446655440000\n"),
                    result("[1, 2, 3]"), stdout("big id 12345678901234567\n"),
                ])
        ]
        let executed = [
            cell(
                count: 1,
                outputs: [
                    stdout("pandas 1.20.3\nrows 1999999999\nrun id 551e8400-e29b-41d4-a716-446655440000\n"),
                    result("[1.0, 2.0, 3.0]"), stdout("big id 12345678901234568\n"),
                ])
        ]
        let report = compare(executed, golden)
        #expect(report.result == .failed)
        let diff = try! #require(report.diffs.first).diff
        for line in [
            "-pandas 1.2.3", "+pandas 1.20.3", "-rows 1249975000", "+rows 1999999999", "-run id 550e8400", "+run id 551e8400",
            "-[1, 2, 3]", "+[1.0, 2.0, 3.0]", "-big id 12345678901234567", "+big id 12345678901234568",
        ] {
            #expect(diff.contains("\n" + line), "\(line)")
        }
        // Each line alone too, with a tolerance that once made identifiers equal.
        for (g, e) in [
            ("model_v1", "model_v2"), ("3", "3.0"), ("crc 0x1a2b3c4d", "crc 0x1a2b3c4e"), ("on 1234-56-78", "on 1234-56-79"),
            ("in the 1990s", "in the 1980s"), ("3 ms files", "4 ms files"), ("bytes 1700000000", "bytes 1700000001"),
        ] {
            let one = compare(
                [cell(count: 1, outputs: [stdout(e + "\n")])], [cell(count: 1, outputs: [stdout(g + "\n")])],
                GoldenSettings(path: "/g", floatTolerance: 1))
            #expect(one.result == .failed, "\(g) | \(e)")
        }
    }

    /// Two papermill runs of one notebook (%time, %timeit, tqdm, logging, datetime, time.time,
    /// object reprs, DataFrame.info): the second matches the first.
    @Test func twoRealRunsMatch() {
        func stderr(_ text: String) -> NotebookDocument.Output { .init(outputType: "stream", name: "stderr", text: text) }
        let first = [
            cell(count: 1, outputs: [stdout("CPU times: user 308 μs, sys: 100 μs, total: 408 μs\nWall time: 408 μs\n"), result("4999950000")]),
            cell(count: 2, outputs: [stdout("62 ns ± 1.52 ns per loop (mean ± std. dev. of 7 runs, 10,000,000 loops each)\n")]),
            cell(
                count: 3,
                outputs: [
                    stderr("\r  0%|          | 0/5 [00:00<?, ?it/s]"), stderr("\r 40%|████      | 2/5 [00:00<00:00, 19.96it/s]"),
                    stderr("\r100%|██████████| 5/5 [00:00<00:00, 19.84it/s]"), stderr("\n"),
                ]),
            cell(
                count: 4,
                outputs: [
                    stdout(
                        "2026-11-23 03:58:38,503 INFO root: hello\n2026-11-23 03:58:38.508682\n"
                            + "datetime.datetime(2026, 11, 23, 3, 58, 38, 508771)\n1795406318.5137224\nMon Nov 23 03:58:38 2026\n")
                ]),
            cell(
                count: 5,
                outputs: [
                    stdout("<object object at 0x7f1b25305ab0>\ntook 0.01s\n"),
                    stdout(" 1   b       3 non-null      float64\nmemory usage: 204.0 bytes\n"),
                ]),
        ]
        let second = [
            cell(count: 1, outputs: [stdout("CPU times: user 276 μs, sys: 109 μs, total: 385 μs\nWall time: 385 μs\n"), result("4999950000")]),
            cell(count: 2, outputs: [stdout("60.3 ns ± 0.524 ns per loop (mean ± std. dev. of 7 runs, 1,000,000 loops each)\n")]),
            cell(
                count: 3,
                outputs: [
                    stderr("\r  0%|          | 0/5 [00:00<?, ?it/s]"), stderr("\r 60%|██████    | 3/5 [00:00<00:00, 19.94it/s]"),
                    stderr("\r 80%|████████  | 4/5 [00:00<00:00, 19.86it/s]"),
                    stderr("\r100%|██████████| 5/5 [00:01<00:00,  4.80s/it]"), stderr("\n"),
                ]),
            cell(
                count: 4,
                outputs: [
                    stdout(
                        "2026-11-23 03:58:45,055 INFO root: hello\n2026-11-23 03:58:45.061117\n"
                            + "datetime.datetime(2026, 11, 23, 3, 58, 45, 61160)\n1795406325.0663834\nMon Nov 23 03:58:45 2026\n")
                ]),
            cell(
                count: 5,
                outputs: [
                    stdout("<object object at 0x7fa198101ab0>\ntook 0.02s\n"),
                    stdout(" 1   b       3 non-null      float64\nmemory usage: 204.0 bytes\n"),
                ]),
        ]
        let report = compare(second, first)
        #expect(report.result == .matched, "\(report.diffs.map(\.diff))")
        #expect(report.matchedCells == 5)
    }

    /// A source that ends with a stale injected-parameters cell (left by an earlier papermill
    /// run, and run again as a plain cell): a cell only the golden notebook has must not take
    /// its index, or the verdict would mark that cell failed.
    @Test func aMissingCellAfterAStaleInjectedParametersCellNamesNoCellOfTheRun() {
        let injected = NotebookDocument.injectedParametersTag
        let executed = [
            cell(count: 1, outputs: [stdout("a\n")]), cell(count: 2, outputs: [stdout("b\n")]),
            cell("code", "alpha = 0.1", count: 3, tags: [injected]),
        ]
        let golden = [
            cell(count: 1, outputs: [stdout("a\n")]), cell(count: 2, outputs: [stdout("b\n")]),
            cell("code", "print('c')", count: 3, outputs: [stdout("c\n")]), cell("markdown", "end"),
        ]
        let report = compare(executed, golden, source: executed)
        #expect(report.diffs.map(\.diffType) == [.missingCell, .missingCell])
        #expect(report.diffs.map(\.cellIndex) == [3, 4])

        let outcome = OutcomeClassifier.classify(
            source: document(executed), executed: .success(document(executed)),
            observation: PapermillObservation(ending: .exited(0)), outputPath: "/o")
        let judged = ValidationVerdict.apply(to: outcome, validation: nil, comparison: report)
        #expect(judged.category == .goldenMismatch)
        #expect(judged.failedCell?.cellIndex == nil)
        #expect(judged.cells.map(\.status) == [.succeeded, .succeeded, .succeeded])
    }

    static func threadCPUSeconds() -> Double {
        var now = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    /// Byte-equal lines are equal without `--golden-ignore` or the normalizer, which only ever
    /// make more lines equal; the others still go through both.
    @Test func byteEqualLinesSkipTheIgnorePatternsAndTheNormalizer() {
        let lines = (0..<20_000).map { "row \($0) at 2024-01-02 03:04:05 value \(Double($0) / 7) id 7f3a-\($0)" }.joined(separator: "\n")
        let golden = [cell(count: 1, outputs: [stdout(lines + "\nrun id: 7f3a-11\n")])]
        let executed = [cell(count: 1, outputs: [stdout(lines + "\nrun id: 99zz-42\n")])]
        let settings = GoldenSettings(path: "/g", ignorePatterns: [#"run id: \S+"#, #"(?i)\bid\s+\S+"#])
        // This thread's CPU time, not the wall clock: other tests and processes share the cores.
        let start = Self.threadCPUSeconds()
        let report = compare(executed, golden, settings)
        let elapsed = Self.threadCPUSeconds() - start
        #expect(report.result == .matched, "\(report.diffs)")
        // 1.4 MB through two regexes and the normalizer took seconds; byte comparisons take
        // milliseconds (0.12 s against 2.3 s in a debug build: a generous bound).
        #expect(elapsed < 1, "\(elapsed) s of CPU")
        #expect(compare(executed, golden).result == .failed)
    }

    /// Lines end at `\n` with or without a `\r` before it (`\r\n` is one Character, which a
    /// split on Characters never cut); a progress bar's redraws leave its last state.
    @Test func crlfLinesAndCarriageReturnRedraws() {
        #expect(RenderedCell.split("a\r\nb\r\n\r\n") == ["a", "b", ""])
        #expect(RenderedCell.split("a\r\nb\r\n\r\n", trimmingBlankEnd: true) == ["a", "b"])
        #expect(RenderedCell.split("x\rb\n\nc") == ["x\rb", "", "c"])
        let golden = [cell(count: 1, outputs: [stdout("loss 0.5\nrows 3\n")])]
        let executed = [cell(count: 1, outputs: [stdout("loss 0.50001\r\nrows 3\r\n")])]
        #expect(compare(executed, golden).result == .matched)
        let bar = [cell(count: 1, outputs: [stdout("\r 50%|█    | 1/2 [00:00<00:00, 9.1it/s]\r100%|██████████| 2/2 [00:01<00:00, 9.0it/s]\n")])]
        #expect(compare(bar, [cell(count: 1, outputs: [stdout("\r100%|██████████| 2/2 [00:00<00:00, 12.5it/s]\n")])]).result == .matched)
        #expect(compare(bar, [cell(count: 1, outputs: [stdout("\r100%|██████████| 3/3 [00:00<00:00, 12.5it/s]\n")])]).result == .failed)
    }

    @Test func settingsAreCheckedWithTheFlagOrVariableNamed() throws {
        func resolve(strategy: String? = nil, pattern: String? = nil, tolerance: String? = nil, type: String? = nil) throws -> GoldenSettings? {
            try GoldenSettings.resolve(
                path: ("/g.ipynb", "--golden"), strategy: strategy.map { ($0, "--golden-strategy") },
                ignorePatterns: pattern.map { [($0, "NBRUNNER_GOLDEN_IGNORE")] } ?? [],
                floatTolerance: tolerance.map { ($0, "--float-tolerance") },
                ignoreOutputTypes: type.map { [($0, "--golden-ignore-output-type")] } ?? [])
        }
        #expect(try resolve(strategy: "EXACT")?.strategy == .exact)
        #expect(try resolve(tolerance: "1e-6")?.floatTolerance == 1e-6)
        for (bad, named) in [
            (try? resolve(strategy: "fuzzy"), "--golden-strategy"), (try? resolve(tolerance: "-1"), "--float-tolerance"),
            (try? resolve(tolerance: "nan"), "--float-tolerance"),
        ] {
            #expect(bad == nil, "\(named)")
        }
        #expect(throws: RunFailure.self) { try resolve(pattern: "a(") }
        #expect(throws: RunFailure.self) { try resolve(pattern: "x*") }
        #expect(throws: RunFailure.self) { try resolve(type: "png") }
        do {
            _ = try resolve(pattern: "([")
            Issue.record("a bad regex must be refused")
        } catch let failure as RunFailure {
            #expect(failure.category == .configurationError)
            #expect(failure.message.hasPrefix("NBRUNNER_GOLDEN_IGNORE '(['"))
            #expect(!failure.message.contains("\n"))
        }
    }

    /// ipykernel flushes stdout and stderr separately: a cell that prints and logs interleaves
    /// them differently from run to run. `normalized` compares what each stream said.
    @Test func interleavedStreamsMatchUnderNormalized() {
        func out(_ name: String, _ text: String) -> NotebookDocument.Output { .init(outputType: "stream", name: name, text: text) }
        let golden = [
            cell(count: 1, outputs: [out("stdout", "epoch 0\n"), out("stderr", "INFO loss 0\n"), out("stdout", "epoch 1\n"), out("stderr", "INFO loss 1\n")])
        ]
        let executed = [cell(count: 1, outputs: [out("stdout", "epoch 0\nepoch 1\n"), out("stderr", "INFO loss 0\nINFO loss 1\n")])]
        #expect(compare(executed, golden).result == .matched)
        #expect(compare(executed, golden, GoldenSettings(path: "/g.ipynb", strategy: .exact)).result == .failed, "exact keeps the order")
        let different = [cell(count: 1, outputs: [out("stdout", "epoch 0\nepoch 1\n"), out("stderr", "INFO loss 0\nINFO loss 9\n")])]
        #expect(compare(different, golden).result == .failed, "what each stream said still counts")
    }

    /// The result lists 20 differences; the rest are kept for marking their cells.
    @Test func differencesPastTheListAreKept() {
        let executed = (0..<22).map { cell(count: $0 + 1, outputs: [.init(outputType: "stream", name: "stdout", text: "\($0)\n")]) }
        let golden = (0..<22).map { cell(count: $0 + 1, outputs: [.init(outputType: "stream", name: "stdout", text: "\($0 + 1)\n")]) }
        let report = compare(executed, golden)
        #expect(report.diffs.count == 20 && report.diffsOmitted == 2)
        #expect(report.unlistedDiffs.map(\.cellIndex) == [20, 21])
        let encoded = String(decoding: (try? ResultJSON.encode(report)) ?? [], as: UTF8.self)
        #expect(!encoded.contains("unlisted"), "not part of the result")
    }
}
