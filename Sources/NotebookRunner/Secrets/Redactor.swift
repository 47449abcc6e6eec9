/// Replaces secret values with `***` in everything nbrunner writes, in one pass over the text
/// whatever the number of secrets (``PatternMatcher``, Aho–Corasick). Each value is matched in
/// every form of ``SecretForms`` (verbatim, line by line, JSON leaves, URL passwords,
/// connection-string keys; `repr()`, JSON, `\uXXXX` and HTML escapes), and so is a visible
/// start of one (≥ ``minimumTruncatedPrefix`` bytes) right before `...` or `…` (a library's
/// truncation, such as pandas').
///
/// Where matches overlap, the union of their bytes is masked as one `***`, so the longest match
/// at a position wins and no part of any occurrence stays visible.
///
/// Values shorter than ``minimumLength`` characters are not redacted: replacing every `1` or
/// `yes` would garble the log and hide nothing.
package struct Redactor: Sendable {
    package static let minimumLength = 4
    package static let mask: [UInt8] = Array("***".utf8)
    /// A start of a secret this long, followed by `...` or `…`, is masked: what pandas shows of
    /// a long value (its first 47 characters), or a library's log of a token's start.
    package static let minimumTruncatedPrefix = 12

    /// The values it was made from, so that more can be added (``adding(_:)``).
    let values: [String]
    /// For plain text (the log, the result).
    let text: PatternMatcher
    /// For the inside of JSON strings (the output notebook): every text pattern JSON-escaped.
    let json: PatternMatcher

    package init(values: some Sequence<String>) {
        let values = Array(values)
        self.values = values
        var patterns: Set<[UInt8]> = []
        for value in values {
            for part in SecretForms.parts(of: value, minimumLength: Self.minimumLength) {
                for form in SecretForms.textPatterns(of: part) where form.count >= Self.minimumLength { patterns.insert(form) }
            }
        }
        text = PatternMatcher(patterns: patterns)
        json = PatternMatcher(patterns: Set(patterns.map { SecretForms.jsonEscaped($0) }))
    }

    package static let none = Redactor(values: [String]())

    /// This redactor with more values (hard-coded credentials found in the notebook).
    package func adding(_ more: [String]) -> Redactor { more.isEmpty ? self : Redactor(values: values + more) }
    package var isEmpty: Bool { text.isEmpty }

    package func redact(_ bytes: [UInt8]) -> [UInt8] {
        guard !text.isEmpty else { return bytes }
        return bytes.withUnsafeBufferPointer { buffer in
            let ranges = Self.maskedRanges(buffer, text, jsonSafe: false, clippedEnd: false)
            return ranges.isEmpty ? bytes : Self.masking(buffer, ranges)
        }
    }

    package func redact(_ text: String) -> String {
        guard !self.text.isEmpty else { return text }
        let matcher = self.text
        var copy = text
        let masked: [UInt8]? = copy.withUTF8 { buffer in
            // A text clipped before redaction (TextClip's `…`) may end inside a secret: its
            // trailing start (≥ 3 bytes) is masked too.
            let ranges = Self.maskedRanges(buffer, matcher, jsonSafe: false, clippedEnd: true)
            return ranges.isEmpty ? nil : Self.masking(buffer, ranges)
        }
        return masked.map { String(decoding: $0, as: UTF8.self) } ?? text
    }

    package func redact(_ text: String?) -> String? { text.map { redact($0) } }

    static let clipMarker: [UInt8] = Array("…".utf8)
    /// A shorter start of a secret says too little to mask (and would mask ordinary text).
    static let minimumPartial = 3

    /// The byte ranges to mask, ascending, overlapping ones merged.
    static func maskedRanges(
        _ bytes: UnsafeBufferPointer<UInt8>, _ matcher: PatternMatcher,
        jsonSafe: Bool, clippedEnd: Bool
    ) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        @inline(__always) func add(_ start: Int, _ end: Int) {
            var lower = start
            var upper = end
            // A long match can cover several earlier ones (a whole PEM key after its lines).
            while let last = ranges.last, lower < last.upperBound {
                lower = min(lower, last.lowerBound)
                upper = max(upper, last.upperBound)
                ranges.removeLast()
            }
            ranges.append(lower..<upper)
        }
        var state = PatternMatcher.root
        let count = bytes.count
        var i = 0
        while i < count {
            let b = bytes[i]
            // `...` or `…` after a long enough start of a secret: a truncated copy.
            if b == 0x2E || b == 0xE2, state != PatternMatcher.root, isEllipsis(bytes, at: i) {
                let d = Int(matcher.depth[Int(state)])
                if d >= minimumTruncatedPrefix {
                    var start = i - d
                    if jsonSafe, insideEscape(bytes, at: start) { start -= 1 }
                    add(start, i)
                }
            }
            state = matcher.step(state, b)
            var node = matcher.longestOutput(state)
            while node >= 0 {
                let start = i + 1 - Int(matcher.depth[Int(node)])
                if !jsonSafe || !insideEscape(bytes, at: start) {
                    add(start, i + 1)
                    break
                }
                node = matcher.shorterOutput(node)
            }
            i += 1
        }
        if clippedEnd, count >= clipMarker.count, bytes[(count - clipMarker.count)...].elementsEqual(clipMarker) {
            // The state before the marker: the longest trailing start of a secret.
            var s = PatternMatcher.root
            for k in 0..<(count - clipMarker.count) { s = matcher.step(s, bytes[k]) }
            let d = Int(matcher.depth[Int(s)])
            if d >= minimumPartial { add(count - clipMarker.count - d, count - clipMarker.count) }
        }
        return ranges
    }

    @inline(__always)
    static func isEllipsis(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        if bytes[i] == 0x2E { return i + 2 < bytes.count && bytes[i + 1] == 0x2E && bytes[i + 2] == 0x2E }
        return i + 2 < bytes.count && bytes[i + 1] == 0x80 && bytes[i + 2] == 0xA6
    }

    static func masking(_ bytes: UnsafeBufferPointer<UInt8>, _ ranges: [Range<Int>]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var last = 0
        for range in ranges {
            out.append(contentsOf: bytes[last..<range.lowerBound])
            out.append(contentsOf: mask)
            last = range.upperBound
        }
        out.append(contentsOf: bytes[last...])
        return out
    }

    /// An odd number of backslashes right before `i`: `i` is the escaped character.
    @inline(__always)
    static func insideEscape(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> Bool {
        var n = 0
        var j = i - 1
        while j >= 0, bytes[j] == UInt8(ascii: "\\") {
            n += 1
            j -= 1
        }
        if n % 2 == 1 { return true }
        // Inside the four hex digits of a `\uXXXX`.
        for k in 2...5 where i - k >= 0 && bytes[i - k] == UInt8(ascii: "\\") && bytes[i - k + 1] == UInt8(ascii: "u") {
            var m = 0
            var j = i - k - 1
            while j >= 0, bytes[j] == UInt8(ascii: "\\") {
                m += 1
                j -= 1
            }
            if m % 2 == 0 { return true }
        }
        return false
    }

    /// Inherited variables whose NAME says they hold a secret; their values are redacted too
    /// (``SecretNames``).
    package static func looksSecret(_ name: String) -> Bool { SecretNames.looksSecret(name) }
}
