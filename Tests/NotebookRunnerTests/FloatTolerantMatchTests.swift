import Testing
@testable import NotebookRunner

@Suite struct FloatTolerantMatchTests {
    func same(_ a: String, _ b: String, _ tol: Double = 1e-4) -> Bool {
        FloatTolerantMatch(a).matches(FloatTolerantMatch(b), tolerance: tol)
    }

    /// Tolerance, not rounding: rounding to 4 decimals would give 0.1000 and 0.1000 here…
    @Test func withinToleranceMatchesEvenWhenRoundingWouldNot() {
        #expect(same("0.10004", "0.10001"))
        #expect(same("0.10005", "0.10004"))  // rounds to 0.1001 and 0.1000, still within 1e-4
        #expect(same("accuracy=0.9731", "accuracy=0.97315"))
    }

    /// … and here rounding to 3 decimals would call them equal (1.000), the tolerance does not.
    @Test func beyondToleranceDiffersEvenWhenRoundingWouldNot() {
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
