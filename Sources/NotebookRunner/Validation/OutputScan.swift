#if canImport(Glibc)
    import Glibc
#endif

/// What one text output (a stream, or the `text/plain` of a result or display) shows, in a few
/// bounded lines: enough for the validation policies without keeping the whole text.
package struct OutputScan: Sendable, Equatable {
    /// The first non-blank line, ANSI-stripped and clipped to ``maxLineBytes`` (generous, so
    /// that a secret in it is still whole for the redactor before a report clips it further);
    /// nil when the text is blank.
    package var firstLine: String?
    /// The first line in the form Python's warnings module prints (`FILE:LINE: NameWarning: text`).
    package var warning: String?
    /// The text holds a printed traceback (`Traceback (most recent call last)` starting a line,
    /// see ``printedTraceback(_:)``): its exception line (`ZeroDivisionError: division by
    /// zero`), or the header when none follows.
    package var traceback: String?
    /// When the text holds no traceback header: its first non-blank line that is not indented.
    /// After an output of the same stream that holds only a header, that is the exception line:
    /// ipykernel can split one `traceback.print_exc()` across outputs.
    package var unindentedLine: String?

    /// What a run needs scanned; the rest is not even decoded (a run reads notebooks of
    /// hundreds of megabytes).
    package struct Needs: Sendable, Equatable {
        /// The first line and the Python warnings of stderr streams.
        package var stderr: Bool
        /// Printed tracebacks in every stream (and in `text/plain`, which the policies do not judge).
        package var tracebacks: Bool
        package init(stderr: Bool, tracebacks: Bool) {
            self.stderr = stderr
            self.tracebacks = tracebacks
        }
        package static let all = Needs(stderr: true, tracebacks: true)
        package static let nothing = Needs(stderr: false, tracebacks: false)
    }

    static let maxLineBytes = 4096
    static let tracebackHeader = Array(headerText.utf8)
    static let warningMarker = Array("Warning: ".utf8)

    package init(firstLine: String? = nil, warning: String? = nil, traceback: String? = nil, unindentedLine: String? = nil) {
        self.firstLine = firstLine
        self.warning = warning
        self.traceback = traceback
        self.unindentedLine = unindentedLine
    }

    /// - Parameter lines: whether to look for the first line and warnings (stderr), or only
    ///   for a printed traceback.
    package init(_ text: String, lines: Bool = true) {
        var copy = lines ? Self.withoutIPythonExitWarning(text) : text
        self = copy.withUTF8 { Self.scan($0, lines: lines) }
    }

    /// What IPython itself writes to a cell's stderr when the cell calls `sys.exit()`: a
    /// UserWarning from `IPython/core/interactiveshell.py` and the `warn(…)` source line under
    /// it. It is IPython's, not the notebook's, so it is neither stderr nor a warning of the cell
    /// (a `sys.exit(0)` notebook passes at every level, as papermill counts it).
    static let ipythonExitWarning = "UserWarning: To exit: use 'exit', 'quit', or Ctrl-D."

    static func withoutIPythonExitWarning(_ text: String) -> String {
        guard text.contains(ipythonExitWarning) else { return text }
        var kept: [Substring] = []
        var skipSource = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.contains("IPython/core/interactiveshell.py:"), line.hasSuffix(ipythonExitWarning) {
                skipSource = true
                continue
            }
            if skipSource, line.trimmed.hasPrefix("warn(\"To exit: use") {
                skipSource = false
                continue
            }
            skipSource = false
            kept.append(line)
        }
        return kept.joined(separator: "\n")
    }

    static func scan(_ s: UnsafeBufferPointer<UInt8>, lines: Bool) -> OutputScan {
        var result = OutputScan()
        if lines {
            // The first non-blank line.
            var start = 0
            while start < s.count {
                let end = lineEnd(s, from: start)
                if !isBlank(s, start, end) {
                    result.firstLine = clean(s, start, end)
                    break
                }
                start = end + 1
            }
            // The first line with a Python warning: only lines holding "Warning: " are looked at.
            var from = 0
            while let at = ASCII.firstIndex(of: warningMarker, in: s, from: from) {
                let (ls, le) = (lineStart(s, at), lineEnd(s, from: at))
                if isPythonWarning(s, ls, le) {
                    result.warning = clean(s, ls, le)
                    break
                }
                from = le
            }
        }
        if let header = printedTraceback(s) {
            // The exception line: the first that is not indented (a frame).
            result.traceback = firstUnindented(s, from: lineEnd(s, from: header) + 1) ?? headerText
        } else {
            result.unindentedLine = firstUnindented(s, from: 0)
        }
        return result
    }

    static let headerText = "Traceback (most recent call last)"

    /// The first non-blank line from `from` on that is not indented, nor part of rich's box.
    static func firstUnindented(_ s: UnsafeBufferPointer<UInt8>, from: Int) -> String? {
        func indented(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D }
        var start = from
        while start < s.count {
            let end = lineEnd(s, from: start)
            defer { start = end + 1 }
            // Most lines are decided by their first byte, without a copy.
            guard start < end, !indented(s[start]) else { continue }
            var head = Array(s[start..<min(end, start + boxSide.count)])
            if s[start] == 0x1B {  // colour codes first: look behind them
                let line = UnsafeBufferPointer(rebasing: s[start..<min(end, start + maxLineBytes * 2)])
                head = Array(ANSIText.strip(String(decoding: line, as: UTF8.self)).utf8)
                guard let first = head.first, !indented(first) else { continue }
            }
            if head.starts(with: boxSide) || head.starts(with: boxBottom) { continue }
            return clean(s, start, end)
        }
        return nil
    }

    /// Where the first traceback header that starts its line is: how Python prints one
    /// (`Traceback (most recent call last):` at the start of a line), possibly after colour
    /// codes; IPython's layout (`ValueError      Traceback (most recent call last)`, the header
    /// right-aligned after the exception's name); rich's box
    /// (`╭──── Traceback (most recent call last) ────╮`). A header inside a line of other text
    /// (a log message quoting one) is not a printed traceback.
    static func printedTraceback(_ s: UnsafeBufferPointer<UInt8>) -> Int? {
        var from = 0
        var (ls, scanned) = (0, 0)  // each byte is looked at once, however many headers a line quotes
        while let at = ASCII.firstIndex(of: tracebackHeader, in: s, from: from) {
            var i = at
            while i > scanned {
                if s[i - 1] == 0x0A {
                    ls = i
                    break
                }
                i -= 1
            }
            scanned = at
            if startsItsLine(s, ls, at) { return at }
            from = at + 1
        }
        return nil
    }

    static func startsItsLine(_ s: UnsafeBufferPointer<UInt8>, _ ls: Int, _ at: Int) -> Bool {
        guard at > ls else { return true }
        guard at - ls <= maxHeaderPrefix else { return false }
        var prefix = Array(s[ls..<at])
        if prefix.contains(0x1B) { prefix = Array(ANSIText.strip(String(decoding: prefix, as: UTF8.self)).utf8) }
        if prefix.isEmpty { return true }
        // rich: "╭", "─"s, a space.
        if prefix.starts(with: boxTop), prefix.last == 0x20 {
            var rest = prefix.dropFirst(boxTop.count).dropLast()
            while rest.starts(with: boxLine) { rest = rest.dropFirst(boxLine.count) }
            return rest.isEmpty
        }
        // IPython: the exception's (dotted) name, then the spaces that right-align the header.
        guard let first = prefix.first, ASCII.isWordByte(first), !ASCII.isDigit(first) else { return false }
        let name = prefix.prefix { $0 != 0x20 }
        let padding = prefix.dropFirst(name.count)
        return name.allSatisfy { ASCII.isWordByte($0) || $0 == UInt8(ascii: ".") }
            && padding.count >= 2 && padding.allSatisfy { $0 == 0x20 }
    }

    /// The longest text before a header that can still be colour codes, an exception's name or
    /// rich's box.
    static let maxHeaderPrefix = 4096
    static let boxTop = Array("╭".utf8)
    static let boxLine = Array("─".utf8)
    static let boxSide = Array("│".utf8)
    static let boxBottom = Array("╰".utf8)

    /// Whether `bytes` hold a traceback header at all: a quick check over a whole notebook file
    /// (`(` never occurs in base64 image data, so `memchr` skips it at memory speed). Anywhere,
    /// not only at the start of a line: it only decides whether streams are decoded and scanned.
    package static func mayHoldTraceback(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let base = bytes.baseAddress, bytes.count >= tracebackHeader.count else { return false }
        let open = UInt8(ascii: "(")
        let before = 10  // "Traceback "
        var offset = before
        while offset < bytes.count {
            guard let hit = memchr(base + offset, Int32(open), bytes.count - offset) else { return false }
            let at = base.distance(to: UnsafeRawPointer(hit))
            if at - before >= 0, at - before + tracebackHeader.count <= bytes.count,
                memcmp(base + (at - before), tracebackHeader, tracebackHeader.count) == 0
            {
                return true
            }
            offset = at + 1
        }
        return false
    }

    static func lineEnd(_ s: UnsafeBufferPointer<UInt8>, from: Int) -> Int {
        var i = from
        while i < s.count, s[i] != 0x0A { i += 1 }
        return i
    }

    static func lineStart(_ s: UnsafeBufferPointer<UInt8>, _ at: Int) -> Int {
        var i = at
        while i > 0, s[i - 1] != 0x0A { i -= 1 }
        return i
    }

    /// Only spaces, tabs and carriage returns once terminal escape sequences are removed: a
    /// progress bar's cursor movements and line clearing (`\u{1B}[A\u{1B}[2K\r`) show nothing.
    static func isBlank(_ s: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
        func blank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D }
        let line = s[start..<end]
        if line.allSatisfy(blank) { return true }
        guard line.contains(0x1B) else { return false }
        return ANSIText.strip(String(decoding: UnsafeBufferPointer(rebasing: line), as: UTF8.self)).utf8.allSatisfy(blank)
    }

    static func clean(_ s: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        let raw = String(decoding: UnsafeBufferPointer(rebasing: s[start..<min(end, start + maxLineBytes * 2)]), as: UTF8.self)
        return TextClip.clip(ANSIText.strip(raw).trimmed, maxBytes: maxLineBytes)
    }

    /// `FILE:LINE: Category: …`, as `warnings.formatwarning` writes it (also behind a logging
    /// prefix with `logging.captureWarnings`): the category an identifier ending in `Warning`
    /// (`Warning` itself is one: `warnings.warn("x", Warning)`), the line a number, and the file
    /// name not ending in a digit, a space or a colon. That last rule keeps times of day out
    /// (`12:30:45: Warning: disk full` from a logging format, `12:30: Warning: …`); file names
    /// are paths (`/tmp/ipykernel_1/2.py`, `C:\x.py`), `sys` (pandas' DtypeWarning) or
    /// `<string>`, and one ending in a digit is the price.
    static func isPythonWarning(_ line: [UInt8]) -> Bool {
        line.withUnsafeBufferPointer { isPythonWarning($0, 0, $0.count) }
    }

    static func isPythonWarning(_ s: UnsafeBufferPointer<UInt8>, _ ls: Int, _ le: Int) -> Bool {
        let colon = UInt8(ascii: ":")
        var from = ls
        while let at = ASCII.firstIndex(of: warningMarker, in: s, from: from), at < le {
            from = at + 1
            var start = at
            while start > ls, ASCII.isWordByte(s[start - 1]) { start -= 1 }
            guard !ASCII.isDigit(s[start]) else { continue }  // an identifier
            // ": " before the category, ":LINE" before that, and a file name before that.
            guard start - ls >= 5, s[start - 1] == 0x20, s[start - 2] == colon else { continue }
            var d = start - 3
            while d >= ls, ASCII.isDigit(s[d]) { d -= 1 }
            guard d < start - 3, d > ls, s[d] == colon else { continue }
            let last = s[d - 1]
            if !ASCII.isDigit(last), last != colon, last != 0x20, last != 0x09 { return true }
        }
        return false
    }
}
