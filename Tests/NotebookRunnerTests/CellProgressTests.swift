import Testing

@testable import NotebookRunner

@Suite struct CellProgressTests {
    @Test func namesTheSourceCellOfEachFrame() {
        let source = document([cell("markdown", "# t"), cell(tags: ["parameters"]), cell(), cell()])
        var progress = CellProgress(source: source, injectsParameters: true)
        func observe(_ s: String) -> CellProgress.Event { progress.observe(Array(s.utf8)) }
        #expect(observe("Executing Cell 1---------------------------------------") == .frame(message: nil))  // markdown
        #expect(observe("Executing Cell 2---------------------------------------") == .frame(message: "cell 1/3 (cell_index 1) started"))
        #expect(observe("Executing Cell 3---------------------------------------") == .frame(message: "injected parameters cell started"))
        #expect(observe("Ending Cell 3------------------------------------------") == .frame(message: nil))
        #expect(observe("Executing Cell 5---------------------------------------") == .frame(message: "cell 3/3 (cell_index 3) started"))
        #expect(progress.lastStartedLiveIndex == 4)
    }

    @Test func ordinaryLinesAreNotFrames() {
        var progress = CellProgress(source: document([cell()]), injectsParameters: false)
        for line in ["Executing Cell", "Executing Cell x---", "Executing Cell 2--- and more", "hello"] {
            #expect(progress.observe(Array(line.utf8)) == .other)
        }
        #expect(progress.lastStartedLiveIndex == nil)
    }

    @Test func ansiIsStripped() {
        #expect(ANSIText.strip("\u{1B}[0;31mValueError\u{1B}[0m: x\u{1B}]8;;http://a\u{7}link") == "ValueError: xlink")
    }
}
