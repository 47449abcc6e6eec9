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
}
