/// The markers today's controller looks for in the container log: `Results Summary:` (the
/// result) and `Golden Notebook Summary:` (a golden notebook, which nbrunner never prints: it
/// compares the notebooks itself and puts the `comparison` in the result).
///
/// The controller takes the FIRST occurrence of a marker and parses from the first `{` after it
/// to the LAST `}` of the whole log. So `Results Summary:` must appear exactly once, in front of
/// the result, nothing may follow the result, and `Golden Notebook Summary:` must not appear at
/// all. Every other line nbrunner writes goes through ``neutralise(_:)``.
package enum SummaryMarker {
    package static let text = "Results Summary:"
    /// What an occurrence in notebook output or a log line becomes (same length).
    package static let replacement = "Results-Summary:"
    package static let goldenText = "Golden Notebook Summary:"

    /// Each marker and the offset of the space that becomes `-`.
    static let markers: [(bytes: [UInt8], space: Int)] = [
        (Array(text.utf8), 7),  // "Results" is 7 bytes
        (Array(goldenText.utf8), 6),  // "Golden" is 6 bytes
    ]

    /// `line` with every marker made harmless, each keeping its length.
    package static func neutralise(_ line: [UInt8]) -> [UInt8] {
        var out = line
        for (marker, space) in markers where out.count >= marker.count {
            var at = firstMatch(of: marker, in: out, from: 0)
            while let i = at {
                out[i + space] = UInt8(ascii: "-")
                at = firstMatch(of: marker, in: out, from: i + marker.count)
            }
        }
        return out
    }

    package static func neutralise(_ line: String) -> String {
        line.contains(text) || line.contains(goldenText)
            ? String(decoding: neutralise(Array(line.utf8)), as: UTF8.self) : line
    }

    private static func firstMatch(of marker: [UInt8], in line: [UInt8], from start: Int) -> Int? {
        let n = marker.count
        guard line.count >= n, start <= line.count - n else { return nil }
        let first = marker[0]
        let last = marker[n - 1]
        var i = start
        while i <= line.count - n {
            if line[i] == first, line[i + n - 1] == last, line[i..<(i + n)].elementsEqual(marker) {
                return i
            }
            i += 1
        }
        return nil
    }
}
