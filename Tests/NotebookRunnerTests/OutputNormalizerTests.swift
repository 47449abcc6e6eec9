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
        #expect(n("epoch 1763866731.5 and 1763866731123 ms") == "epoch [TIMESTAMP] and [TIMESTAMP] ms")
    }

    @Test func durationsAddressesAndKernelFiles() {
        #expect(n("took 0.53s") == "took [DURATION]")
        #expect(n("Wall time: 2.15 ms") == "Wall time: [DURATION]")
        #expect(n("12 µs ± 1 µs per loop") == "[DURATION] ± [DURATION] per loop")
        #expect(n("<object object at 0x7f2ff2ad3300>") == "<object object at 0x[ADDRESS]>")
        #expect(n("/tmp/ipykernel_29525/2608338407.py:2: UserWarning: x") == "/tmp/ipykernel_[PID]/2608338407.py:2: UserWarning: x")
    }

    @Test func ordinaryNumbersAndWordsAreLeftForTheTolerantMatch() {
        #expect(n("loss 0.10004 after 3 epochs") == "loss 0.10004 after 3 epochs")
        #expect(n("0x1f is small, v2024-01-02 is a word, 12345678901 is no epoch") == "0x1f is small, v2024-01-02 is a word, 12345678901 is no epoch")
        #expect(n("5 sessions, 3 users") == "5 sessions, 3 users")
        #expect(n("x_1700000000 and 2024-13") == "x_1700000000 and 2024-13")
    }

    @Test func trailingWhitespaceAndColoursGo() {
        #expect(n("value 1   \t") == "value 1")
        #expect(n("\u{1B}[31mred\u{1B}[0m text") == "red text")
    }
}
