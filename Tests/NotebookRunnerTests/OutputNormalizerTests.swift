import Testing

@testable import NotebookRunner

@Suite struct OutputNormalizerTests {
    func n(_ s: String) -> String { OutputNormalizer.normalize(s) }

    @Test func timestampsOfEveryCommonShape() {
        #expect(n("at 2024-01-02T03:04:05.123456+00:00 ok") == "at [TIMESTAMP] ok")
        #expect(n("at 2024-01-02 03:04:05.220795 ok") == "at [TIMESTAMP] ok")
        #expect(n("at 2024-01-02T03:04:05Z") == "at [TIMESTAMP]")
        #expect(n("day 2024-01-02.") == "day [TIMESTAMP].")
        #expect(n("on 01/02/2024 at 3:04:05 PM") == "on [TIMESTAMP] at [TIMESTAMP] PM")
        #expect(n("Sun Nov 23 02:58:51 2025 done") == "[TIMESTAMP] done")
        #expect(n("Date: Sun, 23 Nov 2025 02:58:51 GMT") == "Date: [TIMESTAMP]")
        #expect(n("datetime.datetime(2024, 1, 2, 3, 4, 5, 123456)") == "datetime.datetime([TIMESTAMP])")
        #expect(n("datetime.datetime(2024, 1, 2, tzinfo=utc)") == "datetime.datetime([TIMESTAMP], tzinfo=utc)")
        // Unix times: with a fraction anywhere, else after a word that names a time.
        #expect(n("now 1763866731.5123") == "now [TIMESTAMP]")
        #expect(n("epoch 1763866731 and created_at=1763866731123") == "epoch [TIMESTAMP] and created_at=[TIMESTAMP]")
        #expect(n(#"{"timestamp": 1763866731123456, "mtime": 1763866731123456789}"#) == #"{"timestamp": [TIMESTAMP], "mtime": [TIMESTAMP]}"#)
    }

    @Test func durationsAddressesAndKernelFiles() {
        #expect(n("took 0.53s") == "took [DURATION]")
        #expect(n("Wall time: 2.15 ms") == "Wall time: [DURATION]")
        #expect(n("12 µs ± 1 µs per loop") == "[DURATION] ± [DURATION] per loop")
        #expect(n("<object object at 0x7f2ff2ad3300>") == "<object object at 0x[ADDRESS]>")
        #expect(n("/tmp/ipykernel_29525/2608338407.py:2: UserWarning: x") == "[TMP]/ipykernel_[PID]/2608338407.py:2: UserWarning: x")
    }

    @Test func ordinaryNumbersAndWordsAreLeftForTheTolerantMatch() {
        #expect(n("loss 0.10004 after 3 epochs") == "loss 0.10004 after 3 epochs")
        #expect(n("0x1f is small, v2024-01-02 is a word, 12345678901 is no epoch") == "0x1f is small, v2024-01-02 is a word, 12345678901 is no epoch")
        #expect(n("time 12345678901 has 11 digits, time 2763866731 starts with 2") == "time 12345678901 has 11 digits, time 2763866731 starts with 2")
        #expect(n("5 sessions, 3 users") == "5 sessions, 3 users")
        #expect(n("x_1700000000 and 2024-13") == "x_1700000000 and 2024-13")
    }

    /// The review's lines, which used to be normalized into something no longer compared.
    @Test func countsHashesImpossibleDatesAndWordsStay() {
        for line in [
            "rows 1249975000", "bytes 1999999999", "total 1763866731123", "x 1763866731",  // no time word, no fraction
            "crc 0x1a2b3c4d", "hash 0xdeadbeefcafebabe", "mask 0xffffff", "0x1234567",  // not a pointer's width
            "on 1234-56-78", "2024-13-01", "2024-02-32", "25:00:00", "12:60:00", "99/99/2024", "13/13/2024",
            "in the 1990s", "1000s of rows", "3 ms files", "2 us", "between 2 us and them", "5 min read", "3 h", "speed 3 it/s",
        ] {
            #expect(n(line) == line)
        }
    }

    /// Outputs of real runs (papermill 2.7, ipykernel 7.4, IPython 9, tqdm 4.67, pandas 3.1):
    /// two runs of the same notebook must match line for line.
    @Test func realTimingOutputsOfTwoRunsMatch() {
        let pairs: [(String, String)] = [
            ("CPU times: user 308 μs, sys: 100 μs, total: 408 μs", "CPU times: user 276 μs, sys: 109 μs, total: 385 μs"),
            ("CPU times: user 1.2 s, sys: 15.3 ms, total: 1.21 s", "CPU times: user 998 ms, sys: 9 ms, total: 1 s"),
            ("Wall time: 408 μs", "Wall time: 1.23 s"),
            ("Wall time: 1min 2s", "Wall time: 58.1 s"),
            (
                "278 ns ± 13.9 ns per loop (mean ± std. dev. of 3 runs, 1,000 loops each)",
                "279 ns ± 13 ns per loop (mean ± std. dev. of 3 runs, 1,000 loops each)"
            ),
            (
                "62 ns ± 1.52 ns per loop (mean ± std. dev. of 7 runs, 10,000,000 loops each)",
                "60.3 ns ± 0.524 ns per loop (mean ± std. dev. of 7 runs, 1,000,000 loops each)"
            ),
            ("1.01 s ± 4 ms per loop (mean ± std. dev. of 7 runs, 1 loop each)", "998 ms ± 12.1 ms per loop (mean ± std. dev. of 7 runs, 10 loops each)"),
            (
                "\r  0%|          | 0/5 [00:00<?, ?it/s]\r 40%|████      | 2/5 [00:00<00:00, 19.96it/s]\r 80%|████████  | 4/5 [00:00<00:00, 19.89it/s]\r100%|██████████| 5/5 [00:00<00:00, 19.84it/s]",
                "\r  0%|          | 0/5 [00:00<?, ?it/s]\r 60%|██████    | 3/5 [00:00<00:00, 19.94it/s]\r100%|██████████| 5/5 [00:01<00:00,  4.80s/it]"
            ),
            ("\r0it [00:00, ?it/s]\r2it [00:00, 19.95it/s]\r5it [00:00, 19.83it/s]", "\r0it [00:00, ?it/s]\r5it [00:02, 1.2MB/s]"),
            ("32/32 [==============================] - 2s 10ms/step - loss: 0.6931", "32/32 [==============================] - 1s 9ms/step - loss: 0.69312"),
            ("2026-11-23 03:58:38,503 INFO root: hello", "2026-11-23 03:58:45,055 INFO root: hello"),
            ("2026-11-23 03:58:38.508682", "2026-11-23 03:58:45.061117"),
            ("datetime.datetime(2026, 11, 23, 3, 58, 38, 508771)", "datetime.datetime(2026, 11, 23, 3, 58, 45, 61160)"),
            ("2026-11-23T03:58:38.508808", "2026-11-23T03:58:45.061199"),
            ("2026-11-23 03:58:38.508824+00:00", "2026-11-23 03:58:45.061215+00:00"),
            ("1795406318.5137224", "1795406325.0663834"),
            ("Mon Nov 23 03:58:38 2026", "Mon Nov 23 03:58:45 2026"),
            ("<object object at 0x7f1b25305ab0>", "<object object at 0x7fa198101ab0>"),
            ("<function <lambda> at 0x7f1b3c1acc20>", "<function <lambda> at 0x7fa1726c14e0>"),
            ("<__main__.Foo object at 0x000001F2A3B4C5D0>", "<__main__.Foo object at 0x000001F2A3B4C6E0>"),
            ("0x7f1b25305ab0", "0x7fa198101ab0"),
            ("took 0.01s", "took 0.02s"),
            ("1057 days, 3:58:38.533619", "1057 days, 3:58:45.086770"),
            ("memory usage: 204.0 bytes", "memory usage: 204.0 bytes"),
        ]
        for (a, b) in pairs {
            let (x, y) = (n(a), n(b))
            #expect(FloatTolerantMatch(x).matches(FloatTolerantMatch(y), tolerance: 1e-4), "\(x) | \(y)")
        }
    }

    @Test func realTimingOutputsNormalizeTo() {
        #expect(n("CPU times: user 308 μs, sys: 100 μs, total: 408 μs") == "CPU times: user [DURATION], sys: [DURATION], total: [DURATION]")
        #expect(
            n("62 ns ± 1.52 ns per loop (mean ± std. dev. of 7 runs, 10,000,000 loops each)")
                == "[DURATION] ± [DURATION] per loop (mean ± std. dev. of 7 runs, [LOOPS] each)")
        #expect(n("1000 loops, best of 3: 1.23 µs per loop") == "[LOOPS], best of 3: [DURATION] per loop")
        #expect(
            n("\r 40%|████      | 2/5 [00:00<00:00, 19.96it/s]\r100%|██████████| 5/5 [00:01<00:00, 19.84it/s]")
                == "100%|██████████| 5/5 [[DURATION]<[DURATION], [RATE]]")
        #expect(n("\r0it [00:00, ?it/s]\r5it [00:00, 19.83it/s]\r") == "5it [[DURATION], [RATE]]")
        #expect(n("Epoch 1/2 - 2s 10ms/step") == "Epoch 1/2 - [DURATION]/step")
        #expect(n("Wall time: 1h 2min 3s") == "Wall time: [DURATION]")
        #expect(n("done in 3 seconds.") == "done in [DURATION].")
        #expect(n("sleep 12us, then 1.5 us") == "sleep [DURATION], then [DURATION]")
    }

    /// pandas' `DataFrame.info()`: nothing in it is a timestamp or a duration, and its dtypes
    /// are words, so an int64 column that became float64 is seen.
    @Test func dataFrameInfoIsLeftAlone() {
        let info = [
            "<class 'pandas.DataFrame'>", "RangeIndex: 3 entries, 0 to 2", "Data columns (total 3 columns):",
            " #   Column  Non-Null Count  Dtype  ", " 0   a       3 non-null      int64", "dtypes: float64(1), int64(1), str(1)",
            "memory usage: 204.0 bytes", "memory usage: 1.2+ MB",
        ]
        for line in info { #expect(n(line) == line.replacing(/\s+$/, with: "")) }
        #expect(
            !FloatTolerantMatch(n(" 0   a       3 non-null      int64")).matches(FloatTolerantMatch(n(" 0   a       3 non-null      float64")), tolerance: 1))
    }

    @Test func trailingWhitespaceAndColoursGo() {
        #expect(n("value 1   \t") == "value 1")
        #expect(n("\u{1B}[31mred\u{1B}[0m text") == "red text")
    }

    /// A golden made on another machine, or with another TMPDIR: the folders differ, the
    /// notebook's files do not.
    @Test func machineFoldersInFileNames() {
        let a = OutputNormalizer.normalize("/tmp/ipykernel_2364/1320896312.py:2: DeprecationWarning: old API")
        let b = OutputNormalizer.normalize("/tmp/qa/tmpx/ipykernel_2451/1320896312.py:2: DeprecationWarning: old API")
        #expect(a == b && a == "[TMP]/ipykernel_[PID]/1320896312.py:2: DeprecationWarning: old API")
        let c = OutputNormalizer.normalize(#"  File "/tmp/qa/venv/lib/python3.11/site-packages/sklearn/base.py", line 3, in fit"#)
        let d = OutputNormalizer.normalize(#"  File "/Users/me/.venv/lib/python3.12/site-packages/sklearn/base.py", line 3, in fit"#)
        #expect(c == d && c.contains("[SITE-PACKAGES]/sklearn/base.py"))
        #expect(OutputNormalizer.normalize("/usr/lib/python3/dist-packages/x.py:1: UserWarning: w") == "[SITE-PACKAGES]/x.py:1: UserWarning: w")
        #expect(OutputNormalizer.normalize("/data/model-1/weights.bin") == "/data/model-1/weights.bin", "other paths are compared")
        #expect(OutputNormalizer.normalize("/a/sklearn/base.py") != OutputNormalizer.normalize("/a/sklearn/other.py"))
    }

    @Test func compactTimestamps() {
        #expect(OutputNormalizer.normalize("20261123_033841") == OutputNormalizer.normalize("20261123_033854"))
        #expect(OutputNormalizer.normalize("saved report_20261123T033841.csv") == "saved report_[TIMESTAMP].csv")
        #expect(OutputNormalizer.normalize("id 20261323_033841") != OutputNormalizer.normalize("id 20261323_033842"), "no 13th month")
        #expect(OutputNormalizer.normalize("120261123_033841") != OutputNormalizer.normalize("120261123_033842"), "inside a longer number")
    }
}
