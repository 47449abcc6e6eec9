import Testing

@testable import NotebookRunner

@Suite struct RunDurationTests {
    @Test(arguments: [
        ("90s", 90_000.0), ("1h30m", 5_400_000), ("500ms", 500), ("1.5s", 1_500),
        ("2m3s", 123_000), ("1h", 3_600_000), ("0.25h", 900_000),
    ])
    func parsesOperatorFormat(text: String, milliseconds: Double) throws {
        #expect(try RunDuration.parse(text, allowZero: false).milliseconds == milliseconds)
    }

    @Test(arguments: ["", "5", "5x", "s", "1.s", ".5s", "1s 2s", "-1s", "1S", "0s", "0ms"])
    func rejectsOtherText(text: String) {
        #expect(throws: RunDuration.ParseError.self) { try RunDuration.parse(text, allowZero: false) }
    }

    @Test func zeroOnlyWhereTheFlagAllowsIt() throws {
        #expect(try RunDuration.parse("0", allowZero: true).isZero)
        #expect(throws: RunDuration.ParseError.self) { try RunDuration.parse("0", allowZero: false) }
    }

    @Test(arguments: [("500ms", 1), ("1ms", 1), ("1s", 1), ("1001ms", 2), ("1.2s", 2), ("90s", 90), ("1h", 3600)])
    func papermillSecondsRoundUpAndNeverZero(text: String, seconds: Int) throws {
        #expect(try RunDuration.parse(text, allowZero: false).papermillSeconds == seconds)
    }

    /// Past 87600h every conversion (whole milliseconds, a deadline, papermill's seconds) could
    /// overflow and trap; now a parse error naming the limit.
    @Test(arguments: [
        "3000000000000h", "5000000000000h", "87601h", "87600h1ms", String(repeating: "9", count: 400) + "s",
        String(repeating: "9", count: 400) + "." + String(repeating: "9", count: 400) + "ms",
    ])
    func hugeDurationsAreRefused(text: String) {
        #expect(throws: RunDuration.ParseError.self) { try RunDuration.parse(text, allowZero: true) }
    }

    @Test func theLimitItselfConvertsWithoutTrapping() throws {
        let d = try RunDuration.parse("87600h", allowZero: false)
        #expect(d == RunDuration.maximum)
        #expect(d.description == "87600h")
        #expect(d.papermillSeconds == 87_600 * 3600)
        _ = ContinuousClock.now + d.swiftDuration
    }
}
