/// Compares two normalized lines where numbers count as equal within a tolerance: the texts
/// between numbers must be identical, and each pair of numbers must satisfy `|a − b| ≤ tol`.
/// A tolerance, not rounding: with `tol = 1e-4`, `0.10004` and `0.10001` are equal and
/// `1.00005` and `1.0002` are not; `0.10005` and `0.10004` are equal although rounding to 4
/// decimals (the operator's own comparison) would give 0.1001 and 0.1000.
struct FloatTolerantMatch: Sendable, Equatable {
    enum Token: Sendable, Equatable {
        case text([UInt8])
        case number(Double)
    }

    let tokens: [Token]

    init(_ line: String) {
        tokens = Self.tokenize(Array(line.utf8))
    }

    /// Equal when the texts are identical and every number is within `tolerance`. A tiny slack
    /// (a billionth of the tolerance) absorbs binary floating point: 1.1 − 1.0 is 0.1000…09.
    func matches(_ other: FloatTolerantMatch, tolerance: Double) -> Bool {
        guard tokens.count == other.tokens.count else { return false }
        let limit = tolerance + tolerance * 1e-9
        for (a, b) in zip(tokens, other.tokens) {
            switch (a, b) {
            case (.text(let x), .text(let y)):
                if x != y { return false }
            case (.number(let x), .number(let y)):
                if x != y, !(abs(x - y) <= limit) { return false }
            default:
                return false
            }
        }
        return true
    }

    /// Numbers: an optional sign (only where a minus cannot be an operator between two
    /// operands: at the start or after a space or an opening bracket), digits with an optional
    /// fraction (`1`, `1.5`, `1.`, `.5`) and an optional exponent (`1e-05`).
    static func tokenize(_ s: [UInt8]) -> [Token] {
        var tokens: [Token] = []
        var text: [UInt8] = []
        var i = 0
        func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
        while i < s.count {
            var j = i
            if s[j] == UInt8(ascii: "-") || s[j] == UInt8(ascii: "+") {
                let previous: UInt8? = j > 0 ? s[j - 1] : nil
                let signPosition = previous == nil || [0x20, 0x09, UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"),
                                                       UInt8(ascii: ","), UInt8(ascii: "="), UInt8(ascii: ":")].contains(previous!)
                if signPosition { j += 1 } else { text.append(s[i]); i += 1; continue }
            }
            let digitsStart = j
            while j < s.count, isDigit(s[j]) { j += 1 }
            var hasDigits = j > digitsStart
            if j < s.count, s[j] == UInt8(ascii: "."), j + 1 <= s.count {
                var k = j + 1
                while k < s.count, isDigit(s[k]) { k += 1 }
                if k > j + 1 || hasDigits {
                    hasDigits = hasDigits || k > j + 1
                    j = k
                }
            }
            guard hasDigits else {
                text.append(s[i])
                i += 1
                continue
            }
            if j < s.count, s[j] == UInt8(ascii: "e") || s[j] == UInt8(ascii: "E") {
                var k = j + 1
                if k < s.count, s[k] == UInt8(ascii: "-") || s[k] == UInt8(ascii: "+") { k += 1 }
                let exponentStart = k
                while k < s.count, isDigit(s[k]) { k += 1 }
                if k > exponentStart { j = k }
            }
            if let value = Double(String(decoding: s[i..<j], as: UTF8.self)) {
                if !text.isEmpty { tokens.append(.text(text)); text = [] }
                tokens.append(.number(value))
            } else {
                text += s[i..<j]
            }
            i = j
        }
        if !text.isEmpty { tokens.append(.text(text)) }
        return tokens
    }
}
