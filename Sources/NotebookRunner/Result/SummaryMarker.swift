/// The `Results Summary:` marker that today's controller looks for in the container log.
///
/// The controller takes the FIRST occurrence of the marker and parses from the first `{` after it
/// to the LAST `}` of the whole log. So the marker must appear exactly once, in front of the
/// result, and nothing may follow the result. Everything else nbrunner prints goes through
/// ``neutralise(_:)``.
public enum SummaryMarker {
    public static let text = "Results Summary:"
    static let bytes = Array(text.utf8)
    /// What an occurrence in notebook output or a log line becomes.
    public static let replacement = "Results-Summary:"

    /// `line` with every `Results Summary:` replaced by `Results-Summary:` (same length).
    public static func neutralise(_ line: [UInt8]) -> [UInt8] {
        guard line.count >= bytes.count, let first = firstMatch(in: line, from: 0) else { return line }
        var out = line
        var at: Int? = first
        while let i = at {
            out[i + 7] = UInt8(ascii: "-")  // "Results" is 7 bytes; the space follows it.
            at = firstMatch(in: out, from: i + bytes.count)
        }
        return out
    }

    public static func neutralise(_ line: String) -> String {
        line.contains(text) ? String(decoding: neutralise(Array(line.utf8)), as: UTF8.self) : line
    }

    private static func firstMatch(in line: [UInt8], from start: Int) -> Int? {
        let n = bytes.count
        guard line.count >= n, start <= line.count - n else { return nil }
        var i = start
        while i <= line.count - n {
            if line[i] == bytes[0], line[i + 7] == bytes[7], Array(line[i..<(i + n)]) == bytes {
                return i
            }
            i += 1
        }
        return nil
    }
}
