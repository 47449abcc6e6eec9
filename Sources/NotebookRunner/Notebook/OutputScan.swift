/// What one text output (a stream, or the `text/plain` of a result or display) shows, in a few
/// bounded lines: enough for the validation policies without keeping the whole text.
public struct OutputScan: Sendable, Equatable {
    /// The first non-blank line, ANSI-stripped and clipped to ``maxLineBytes`` (generous, so
    /// that a secret in it is still whole for the redactor before a report clips it further);
    /// nil when the text is blank.
    public var firstLine: String?
    /// The first line in the form Python's warnings module prints (`FILE:LINE: NameWarning: text`).
    public var warning: String?
    /// The text holds a printed traceback (`Traceback (most recent call last)`): its exception
    /// line (`ZeroDivisionError: division by zero`), or the header when none follows.
    public var traceback: String?

    static let maxLineBytes = 4096
    static let tracebackHeader = Array("Traceback (most recent call last)".utf8)
    static let warningMarker = Array("Warning: ".utf8)

    public init(firstLine: String? = nil, warning: String? = nil, traceback: String? = nil) {
        self.firstLine = firstLine
        self.warning = warning
        self.traceback = traceback
    }

    public init(_ text: String) {
        var firstLine: String?
        var warning: String?
        var traceback: String?
        var afterHeader = false
        var utf8 = text.utf8[...]
        while !utf8.isEmpty {
            let end = utf8.firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            var line = utf8[utf8.startIndex..<end]
            utf8 = end == utf8.endIndex ? utf8[end...] : utf8[utf8.index(after: end)...]
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            let blank = line.allSatisfy { $0 == 0x20 || $0 == 0x09 }
            if blank { continue }
            if firstLine == nil { firstLine = Self.clean(line) }
            if warning == nil, Self.isPythonWarning(Array(line)) { warning = Self.clean(line) }
            if traceback == nil {
                var bytes = Array(line)
                if bytes.contains(0x1B) { bytes = Array(ANSIText.strip(String(decoding: bytes, as: UTF8.self)).utf8) }
                if Self.contains(bytes, Self.tracebackHeader) {
                    afterHeader = true
                } else if afterHeader, let first = bytes.first, first != 0x20, first != 0x09 {
                    traceback = Self.clean(line)
                }
            }
            if firstLine != nil, warning != nil, traceback != nil { break }
        }
        if afterHeader, traceback == nil { traceback = "Traceback (most recent call last)" }
        self.init(firstLine: firstLine, warning: warning, traceback: traceback)
    }

    static func clean(_ line: Substring.UTF8View.SubSequence) -> String {
        let text = ANSIText.strip(String(decoding: line, as: UTF8.self))
        return TextClip.clip(text.trimmed, maxBytes: maxLineBytes)
    }

    /// `…:LINE: SomeWarning: …`, as `warnings.formatwarning` writes it (also behind a logging
    /// prefix with `logging.captureWarnings`). A category must end in `Warning`.
    static func isPythonWarning(_ line: [UInt8]) -> Bool {
        var from = 0
        while let at = find(line, warningMarker, from: from) {
            from = at + 1
            var start = at
            while start > 0, isIdentifier(line[start - 1]) { start -= 1 }
            // ": " before the category, digits and ':' before that.
            guard start >= 4, line[start - 1] == 0x20, line[start - 2] == UInt8(ascii: ":") else { continue }
            var d = start - 3
            var digits = 0
            while d >= 0, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(line[d]) { d -= 1; digits += 1 }
            if digits > 0, d >= 0, line[d] == UInt8(ascii: ":") { return true }
        }
        return false
    }

    static func isIdentifier(_ b: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(b)
            || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) || b == UInt8(ascii: "_")
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool { find(haystack, needle, from: 0) != nil }

    static func find(_ haystack: [UInt8], _ needle: [UInt8], from: Int) -> Int? {
        guard let first = needle.first, haystack.count >= needle.count else { return nil }
        var i = from
        while i <= haystack.count - needle.count {
            if haystack[i] == first, haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
