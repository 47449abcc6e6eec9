/// The last bytes of the container log: the marker line, then the result as indented JSON, one
/// field or array element per line, as the operator's old script printed it. Printed on stdout
/// once every child is gone and every pipe is drained; nothing follows.
///
/// Every line is at most ``maxLineBytes`` bytes: a string value that would make its line longer
/// (a long traceback frame, a long error message) is cut in the block, with a marker saying how
/// many bytes were cut, and stays whole in the result file. Today's controller, which joins up to
/// five log lines holding `Error:`, `Traceback`… into a status message limited to 32 KiB, can
/// therefore never pick lines that break that limit.
package enum SummaryBlock {
    package static let maxLineBytes = RunnerLog.maxLineBytes

    package static func render(result: RunResult) throws -> [UInt8] {
        try render(indentedJSON: ResultJSON.encodeIndented(result))
    }

    /// The block for JSON already indented one value per line.
    package static func render(indentedJSON json: [UInt8]) -> [UInt8] {
        var out = Array((SummaryMarker.text + "\n").utf8)
        out.reserveCapacity(json.count + 64)
        for line in json.split(separator: 0x0A, omittingEmptySubsequences: false) {
            out.append(contentsOf: line.count <= maxLineBytes ? Array(line) : clipStrings(Array(line), to: maxLineBytes))
            out.append(0x0A)
        }
        return out
    }

    /// A line of JSON text cut to `limit` bytes by shortening its longest strings, each cut at a
    /// character boundary outside any escape sequence and ended by `…[N bytes cut]`, so the JSON
    /// stays valid.
    static func clipStrings(_ line: [UInt8], to limit: Int) -> [UInt8] {
        var line = line
        while line.count > limit {
            let strings = stringRanges(in: line)
            guard let longest = strings.max(by: { $0.count < $1.count }) else { return line }
            let excess = line.count - limit
            // The marker's own length, with room for the digits of the count.
            let markerRoom = "…[ bytes cut]".utf8.count + String(longest.count).count
            let keep = boundary(in: line, content: longest, atMost: max(0, longest.count - excess - markerRoom))
            let cut = longest.count - keep
            let marker = Array("…[\(cut) bytes cut]".utf8)
            guard cut > marker.count else { return line }  // nothing left to gain on this line
            line.replaceSubrange((longest.lowerBound + keep)..<longest.upperBound, with: marker)
        }
        return line
    }

    /// The byte ranges of the contents (between the quotes) of the JSON strings on a line.
    static func stringRanges(in line: [UInt8]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var i = 0
        while i < line.count {
            guard line[i] == UInt8(ascii: "\"") else {
                i += 1
                continue
            }
            let start = i + 1
            var j = start
            while j < line.count, line[j] != UInt8(ascii: "\"") {
                j += line[j] == UInt8(ascii: "\\") ? 2 : 1
            }
            guard j < line.count else { break }
            ranges.append(start..<j)
            i = j + 1
        }
        return ranges
    }

    /// The largest length ≤ `limit` at which the string content can end: not inside an escape
    /// sequence (`\n`, `\"`, `\u00e4`) or a UTF-8 character.
    static func boundary(in line: [UInt8], content: Range<Int>, atMost limit: Int) -> Int {
        var i = content.lowerBound
        var last = 0
        while i < content.upperBound {
            let byte = line[i]
            let width: Int
            if byte == UInt8(ascii: "\\") {
                width = i + 1 < content.upperBound && line[i + 1] == UInt8(ascii: "u") ? 6 : 2
            } else if byte < 0x80 {
                width = 1
            } else if byte >= 0xF0 {
                width = 4
            } else if byte >= 0xE0 {
                width = 3
            } else {
                width = 2
            }
            if i + width - content.lowerBound > limit { break }
            i += width
            last = i - content.lowerBound
        }
        return last
    }
}
