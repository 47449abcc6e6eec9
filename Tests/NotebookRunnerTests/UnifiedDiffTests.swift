import Testing

@testable import NotebookRunner

@Suite struct UnifiedDiffTests {
    func diff(_ a: [String], _ b: [String], maxBytes: Int = 1000) -> String {
        UnifiedDiff.render(expected: a, actual: b, maxBytes: maxBytes, equal: { a[$0] == b[$1] })
    }

    @Test func oneChangedLineWithContext() {
        let a = ["l1", "l2", "l3", "l4", "l5", "l6", "l7"]
        var b = a
        b[3] = "L4"
        #expect(
            diff(a, b) == """
                --- golden
                +++ executed
                @@ -2,5 +2,5 @@
                 l2
                 l3
                -l4
                +L4
                 l5
                 l6
                """)
    }

    @Test func insertionsDeletionsAndSeparateHunks() {
        let a = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]
        let b = ["a", "b", "x", "c", "d", "e", "f", "g", "h", "j"]
        #expect(
            diff(a, b) == """
                --- golden
                +++ executed
                @@ -1,4 +1,5 @@
                 a
                 b
                +x
                 c
                 d
                @@ -7,4 +8,3 @@
                 g
                 h
                -i
                 j
                """)
    }

    @Test func emptySidesAndNoDifference() {
        #expect(diff(["same"], ["same"]) == "")
        #expect(diff([], ["new"]) == "--- golden\n+++ executed\n@@ -0,0 +1,1 @@\n+new")
        #expect(diff(["old"], []) == "--- golden\n+++ executed\n@@ -1,1 +0,0 @@\n-old")
    }

    @Test func theEqualityIsTheComparisonsOwn() {
        let a = ["time 03:04:05", "value 1"]
        let b = ["time 09:09:09", "value 2"]
        let text = UnifiedDiff.render(
            expected: a, actual: b,
            equal: {
                OutputNormalizer.normalize(a[$0]) == OutputNormalizer.normalize(b[$1])
            })
        #expect(text.contains(" time 03:04:05"), "a line equal after normalization is context, shown as the golden has it")
        #expect(text.contains("-value 1\n+value 2"))
    }

    @Test func boundedInBytesAndPerLine() {
        let a = (0..<500).map { "expected line \($0) " + String(repeating: "x", count: 400) }
        let b = (0..<500).map { "actual line \($0)" }
        let text = diff(a, b, maxBytes: 1000)
        #expect(text.utf8.count <= 1000)
        #expect(text.hasSuffix("… (diff truncated)"))
        #expect(text.split(separator: "\n").allSatisfy { $0.utf8.count <= UnifiedDiff.maxLineBytes + 1 })
    }

    @Test func redactedBeforeClipping() {
        let secret = "hunter2-very-secret"
        let text = UnifiedDiff.render(
            expected: ["pw " + secret], actual: ["pw none"],
            redactor: Redactor(values: [secret]), equal: { _, _ in false })
        #expect(!text.contains("hunter2"))
        #expect(text.contains("-pw ***"))
    }
}
