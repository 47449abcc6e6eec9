/// Compares two normalized lines number by number: the texts between numbers must be
/// identical, integers must be identical, and floating-point numbers must satisfy
/// `|a − b| ≤ tol`. A tolerance, not rounding: with `tol = 1e-4`, `0.10004` and `0.10001` are
/// equal and `1.00005` and `1.0002` are not; `0.10005` and `0.10004` are equal although rounding
/// to 4 decimals (the operator's own comparison) would give 0.1001 and 0.1000.
///
/// What counts as a number is deliberately narrow, so that the tolerance never reaches into
/// identifiers, hashes or versions (see ``tokenize(_:)``).
struct FloatTolerantMatch: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case text
        /// An integer literal (`42`, `-7`), canonical: no `+`, no sign on zero. Compared exactly,
        /// as text: no tolerance, and no rounding through a `Double` above 2^53.
        case integer
        /// A floating-point literal as printed (`0.5`, `-1.`, `.5`, `1e-05`, `3.0`). Compared
        /// with the tolerance.
        case float
    }

    /// A range of ``bytes`` (text between numbers, and a canonical integer, are contiguous).
    struct Token: Sendable, Equatable {
        var kind: Kind
        var start: Int
        var end: Int
    }

    let bytes: [UInt8]
    let tokens: [Token]

    init(_ line: String) {
        self.init(bytes: Array(line.utf8))
    }

    init(bytes: [UInt8]) {
        self.bytes = bytes
        tokens = Self.tokenize(bytes)
    }

    /// The tokens with their bytes (for tests and debugging).
    var parts: [(Kind, String)] { tokens.map { ($0.kind, String(decoding: bytes[$0.start..<$0.end], as: UTF8.self)) } }

    /// Equal when the texts are identical, the integers identical, and every pair of floats
    /// within `tolerance`. An integer never equals a float: `3` against `3.0` is a dtype change
    /// (int64 → float64), whatever the tolerance. A tiny slack (a billionth of the tolerance)
    /// absorbs binary floating point: 1.1 − 1.0 is 0.1000…09.
    func matches(_ other: FloatTolerantMatch, tolerance: Double) -> Bool {
        guard tokens.count == other.tokens.count else { return false }
        let limit = tolerance + tolerance * 1e-9
        for (a, b) in zip(tokens, other.tokens) {
            guard a.kind == b.kind else { return false }
            let x = bytes[a.start..<a.end]
            let y = other.bytes[b.start..<b.end]
            if x == y { continue }
            guard a.kind == .float, Self.within(x, y, limit) else { return false }
        }
        return true
    }

    /// Two float literals within `limit`. A literal that overflows to infinity (`1e999`) or
    /// underflows to zero (`1e-999`) has no usable value: it only equals itself.
    static func within(_ x: ArraySlice<UInt8>, _ y: ArraySlice<UInt8>, _ limit: Double) -> Bool {
        guard let a = value(x), let b = value(y) else { return false }
        return abs(a - b) <= limit
    }

    static func value(_ literal: ArraySlice<UInt8>) -> Double? {
        guard let v = Double(String(decoding: literal, as: UTF8.self)), v.isFinite else { return nil }
        if v == 0 {
            // Only a literal whose digits are all zeros is zero.
            var mantissa = literal
            if let e = literal.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) { mantissa = literal[..<e] }
            if mantissa.contains(where: { $0 >= UInt8(ascii: "1") && $0 <= UInt8(ascii: "9") }) { return nil }
        }
        return v
    }

    /// Splits a line into text and numbers. A number is:
    /// - an optional sign, only where a minus cannot be an operator between two operands (at the
    ///   start, or after a space, a tab, `(`, `[`, `{`, `,`, `=` or `:`);
    /// - digits with an optional fraction (`1`, `1.5`, `1.`, `.5`) and an optional exponent of
    ///   one to three digits (`1e-05`, `1e+300`); with a fraction or an exponent it is a float,
    ///   else an integer; a trailing `j` (a complex number's imaginary part) is allowed;
    /// - a whole word: the byte before it (before its sign) is not a letter, a digit, `_` or
    ///   `.`, and the byte after it is not a letter, a digit or `_`.
    /// Anything else that starts with a digit is text up to the end of its word: identifiers
    /// (`model_v1`, `conv1d`, `float64`), hex digests, git SHAs and UUIDs (`550e8400-e29b-…`,
    /// whose `550e8400` would otherwise overflow as an exponent), and dotted versions or
    /// addresses (`1.2.3`, `10.0.0.1`), so `1.2.3` never equals `1.20.3`.
    static func tokenize(_ s: [UInt8]) -> [Token] {
        var tokens: [Token] = []
        var textStart = 0
        let n = s.count
        @inline(__always) func isSignPosition(_ p: UInt8) -> Bool {
            p == 0x20 || p == 0x09 || p == UInt8(ascii: "(") || p == UInt8(ascii: "[") || p == UInt8(ascii: "{")
                || p == UInt8(ascii: ",") || p == UInt8(ascii: "=") || p == UInt8(ascii: ":")
        }
        var i = 0
        while i < n {
            let b = s[i]
            let previous: UInt8? = i > 0 ? s[i - 1] : nil
            // Where a number could start: its body, after an optional sign.
            var body = i
            var negative = false
            if b == UInt8(ascii: "-") || b == UInt8(ascii: "+") {
                guard previous == nil || isSignPosition(previous!) else {
                    i += 1
                    continue
                }
                negative = b == UInt8(ascii: "-")
                body = i + 1
            } else if let p = previous, ASCII.isWordByte(p) || p == UInt8(ascii: ".") {
                // Inside a word: skip the rest of it.
                var j = i + 1
                if ASCII.isWordByte(b) { while j < n, ASCII.isWordByte(s[j]) { j += 1 } }
                i = j
                continue
            }
            guard body < n, ASCII.isDigit(s[body]) || (s[body] == UInt8(ascii: ".") && body + 1 < n && ASCII.isDigit(s[body + 1])) else {
                // A word that starts with a letter or `_` is text, whole.
                var j = i + 1
                if body == i, ASCII.isWordByte(b) { while j < n, ASCII.isWordByte(s[j]) { j += 1 } }
                i = j
                continue
            }
            var j = body
            while j < n, ASCII.isDigit(s[j]) { j += 1 }
            let integerEnd = j
            var isFloat = false
            if j < n, s[j] == UInt8(ascii: ".") {
                var k = j + 1
                while k < n, ASCII.isDigit(s[k]) { k += 1 }
                if k > j + 1 || integerEnd > body {
                    j = k
                    isFloat = true
                }
            }
            var isNumber = true
            if j < n, s[j] == UInt8(ascii: "e") || s[j] == UInt8(ascii: "E") {
                var k = j + 1
                if k < n, s[k] == UInt8(ascii: "-") || s[k] == UInt8(ascii: "+") { k += 1 }
                let exponentStart = k
                while k < n, ASCII.isDigit(s[k]) { k += 1 }
                if k > exponentStart {
                    // Python and numpy print at most three exponent digits; more is a hex word.
                    if k - exponentStart > 3 { isNumber = false }
                    j = k
                    isFloat = true
                }
            }
            var end = j
            if isNumber, j < n {
                if ASCII.isWordByte(s[j]) {
                    // `2j` (an imaginary part) is a number; `3em`, `1e5x`, `3a5f…` are words.
                    if (s[j] == UInt8(ascii: "j") || s[j] == UInt8(ascii: "J")) && !(j + 1 < n && ASCII.isWordByte(s[j + 1])) {
                        end = j
                    } else {
                        isNumber = false
                    }
                } else if s[j] == UInt8(ascii: "."), j + 1 < n, ASCII.isDigit(s[j + 1]) {
                    isNumber = false  // `1.2.3`, `10.0.0.1`
                }
            }
            guard isNumber else {
                // Text to the end of the word, dots inside it included.
                while j < n, ASCII.isWordByte(s[j]) || (s[j] == UInt8(ascii: ".") && j + 1 < n && ASCII.isWordByte(s[j + 1])) { j += 1 }
                i = j
                continue
            }
            if textStart < i { tokens.append(Token(kind: .text, start: textStart, end: i)) }
            if isFloat {
                tokens.append(Token(kind: .float, start: i, end: end))
            } else {
                // Canonical: `+7` is `7`, `-0` is `0`; leading zeros are kept (`007` is not `7`).
                let zero = !s[body..<end].contains(where: { $0 != UInt8(ascii: "0") })
                tokens.append(Token(kind: .integer, start: negative && !zero ? i : body, end: end))
            }
            i = end
            textStart = end
        }
        if textStart < n { tokens.append(Token(kind: .text, start: textStart, end: n)) }
        return tokens
    }
}
