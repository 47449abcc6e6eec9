import Testing

@testable import NotebookRunner

@Suite struct FloatTolerantMatchTests {
    func same(_ a: String, _ b: String, _ tol: Double = 1e-4) -> Bool {
        FloatTolerantMatch(a).matches(FloatTolerantMatch(b), tolerance: tol)
    }

    /// The example, and numbers that rounding to the tolerance's decimals (the
    /// operator's own comparison) would split: 0.10005 and 0.10004 round to 0.1001 and 0.1000.
    @Test func withinToleranceMatchesWhereRoundingWouldSplit() {
        #expect(same("0.10004", "0.10001"))
        #expect(same("0.10005", "0.10004"))
        #expect(same("accuracy=0.97314", "accuracy=0.97315"))
        #expect(same("0.0005", "0.0009", 0.0005))  // rounding to 4 decimals would split these too
    }

    /// The example (1.5e-4 apart), and more.
    @Test func beyondToleranceDiffers() {
        #expect(!same("1.00005", "1.0002"))
        #expect(!same("loss 0.5", "loss 0.5002"))
        #expect(!same("1", "2"))
    }

    @Test func theBoundaryIsInclusiveDespiteBinaryFloatingPoint() {
        #expect(same("1.1", "1.0", 0.1))
        #expect(same("0.3", "0.2", 0.1))
        #expect(!same("1.2", "1.0", 0.1))
    }

    @Test func textBetweenNumbersMustBeIdentical() {
        #expect(!same("loss 0.1", "cost 0.1"))
        #expect(!same("0.1 0.2", "0.1 0.2 0.3"))
        #expect(!same("[1, 2]", "[1, 2, 3]"))
        #expect(same("[1.00001, 2e-05]", "[1.00002, 2.00001e-05]"))
    }

    @Test func signsExponentsAndShapes() {
        #expect(same("x = -0.00001", "x = 0.00001"))
        #expect(!same("x = -1", "x = 1"))
        #expect(same("a-1", "a-1"))
        #expect(!same("a-1", "a+1"))
        #expect(same("1e-5", "0.00001"))
        #expect(same(".5", "0.50001"))
        #expect(same("nan", "nan"))
        #expect(!same("nan", "inf"))
        #expect(same("step 3.", "step 3."))
    }

    @Test func zeroToleranceIsExactNumericEquality() {
        #expect(same("1.0", "1.00", 0))
        #expect(!same("1.0", "1.0000001", 0))
    }

    /// The review's pairs, which papermill runs showed matching under the default settings.
    @Test func theReviewsPairsDiffer() {
        #expect(!same("pandas 1.2.3", "pandas 1.20.3"))
        #expect(!same("rows 1249975000", "rows 1999999999"))
        #expect(!same("run id 550e8400-e29b-41d4-a716-446655440000", "run id 551e8400-e29b-41d4-a716-446655440000"))
        #expect(!same("[1, 2, 3]", "[1.0, 2.0, 3.0]"))
        #expect(!same("[1, 2, 3]", "[1.0, 2.0, 3.0]", 0))
        #expect(!same("big id 12345678901234567", "big id 12345678901234568"))
    }

    /// A version is text: the tokenizer used to read `1.2.3` as 1.2 and .3.
    @Test func dottedVersionsAndAddressesAreText() {
        #expect(!same("numpy 1.26.4", "numpy 1.26.40"))
        #expect(!same("numpy 1.2.3", "numpy 1.2.30", 1))
        #expect(!same("host 10.0.0.1", "host 10.0.0.2", 5))
        #expect(same("pandas 2.2.3rc1", "pandas 2.2.3rc1"))
        #expect(FloatTolerantMatch("pandas 1.2.3").tokens.map(\.kind) == [.text])
        // A sentence may still end with a number.
        #expect(same("loss 0.50001.", "loss 0.5."))
    }

    /// Numbers inside identifiers, hex digests and UUIDs are text, whatever the tolerance.
    @Test func identifiersHashesAndUUIDsAreText() {
        #expect(!same("model_v1", "model_v2", 1))
        #expect(!same("conv1d", "conv2d", 1))
        #expect(!same("dtype: float64", "dtype: float32", 100))
        #expect(!same("size 640x480", "size 641x480", 10))
        #expect(!same("sha 3a5f9c0e1b", "sha 3a5f9c0e1c", 1))
        #expect(!same("commit 1234567e8", "commit 1234567e9", 1))
        // `1234567e-1234` would underflow to 0 as an exponent, `550e8400` overflow to infinity.
        #expect(!same("id 1234567e-1234-5678-9abc-def012345678", "id 7654321e-4321-5678-9abc-def012345678"))
        #expect(!same("id 550e8400-e29b", "id 550e8401-e29b"))
        #expect(FloatTolerantMatch("id 550e8400-e29b").tokens.map(\.kind) == [.text])
        let sha = "2fd4e1c67a2d28fced849ee1bb76e7391b93eb12"
        #expect(!same("git \(sha)", "git \(sha.dropLast())3", 1))
    }

    /// Integers compare exactly, as text: no tolerance, and no rounding through a Double above
    /// 2^53 or past its range.
    @Test func integersAreExact() {
        #expect(!same("rows 100", "rows 101", 10))
        #expect(!same("9007199254740993", "9007199254740992", 1))
        let big = String(repeating: "7", count: 400)
        #expect(same(big, big))
        #expect(!same(big, String(big.dropLast()) + "8", 1e300))
        #expect(same("x = -0", "x = 0"))
        #expect(same("delta +5", "delta 5"))
        #expect(!same("id 007", "id 7"))
    }

    /// `3` against `3.0` is a dtype change (int64 → float64), not float noise.
    @Test func anIntegerNeverEqualsAFloat() {
        #expect(!same("3", "3.0", 1))
        #expect(!same("[1 2 3]", "[1. 2. 3.]", 1))
        #expect(!same("1e3", "1000"))
        #expect(same("1e3", "1000.0"))
        #expect(
            FloatTolerantMatch("3 3.0 -2 .5 1e-05 +0 -0.0").parts.map { "\($0.0) \($0.1)" } == [
                "integer 3", "text  ", "float 3.0", "text  ", "integer -2", "text  ", "float .5", "text  ", "float 1e-05", "text  ",
                "integer 0", "text  ", "float -0.0",
            ])
    }

    /// A float literal that overflows or underflows only equals itself.
    @Test func unrepresentableFloatsOnlyEqualThemselves() {
        #expect(same("1e999", "1e999"))
        #expect(!same("1e999", "2e999", 1e300))
        #expect(!same("1e-999", "2e-999", 1))
        #expect(!same("1e-999", "0.0", 1))
        #expect(same("0e-999", "0.0"))
    }

    /// What the tolerance is for still works: noise in floats wherever they are printed.
    @Test func floatNoiseStillMatches() {
        #expect(same("accuracy=0.97314, loss: 0.10004", "accuracy=0.97315, loss: 0.10001"))
        #expect(same("array([1.00001, -2.5e-05])", "array([1.00002, -2.50001e-05])"))
        #expect(same("0    0.123456\n", "0    0.123457\n"))
        #expect(same("(0.5+1.00001j)", "(0.5+1.00002j)"))
        #expect(same("100.0%", "100.00004%"))
        #expect(!same("(0.5+1j)", "(0.5+2j)", 0.5))
    }
}
