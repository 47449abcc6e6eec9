import Testing

@testable import NotebookRunner

@Suite struct LineSplitterTests {
    func pieces(_ chunks: [String], max: Int = 64) -> [LineSplitter.Piece] {
        var splitter = LineSplitter(maxLineBytes: max)
        var out: [LineSplitter.Piece] = []
        for chunk in chunks { splitter.feed(Array(chunk.utf8)) { out.append($0) } }
        splitter.finish { out.append($0) }
        return out
    }

    @Test func joinsLinesAcrossChunksAndStripsCR() {
        #expect(pieces(["ab", "c\nde\r", "\n", "f"]) == [.line(Array("abc".utf8)), .line(Array("de".utf8)), .line(Array("f".utf8))])
    }

    @Test func keepsEmptyLines() {
        #expect(pieces(["\n\n"]) == [.line([]), .line([])])
    }

    @Test func capsLongLinesAndCountsWhatWasDropped() {
        let long = String(repeating: "x", count: 100)
        #expect(
            pieces([long, long, "\nnext\n"], max: 10) == [
                .truncated(Array(String(repeating: "x", count: 10).utf8), omitted: 190),
                .line(Array("next".utf8)),
            ])
    }

    @Test func fiveMegabyteLineInSmallChunksStaysBounded() {
        var splitter = LineSplitter(maxLineBytes: 1024)
        var out: [LineSplitter.Piece] = []
        let chunk = [UInt8](repeating: 0x61, count: 65_536)
        for _ in 0..<80 { splitter.feed(chunk) { out.append($0) } }
        splitter.feed([0x0A]) { out.append($0) }
        #expect(out.count == 1)
        #expect(out.first == .truncated([UInt8](repeating: 0x61, count: 1024), omitted: 80 * 65_536 - 1024))
    }
}
