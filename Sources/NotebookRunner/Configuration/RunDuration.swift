/// A duration in the operator's format, `^([0-9]+(\.[0-9]+)?(ms|s|m|h))+$` (e.g. `1h30m`,
/// `90s`, `500ms`), or `0` where a flag documents 0 as "off". At most ``maximum`` (10 years), so
/// that no arithmetic on a duration (deadlines, whole milliseconds, papermill's seconds) can
/// overflow.
package struct RunDuration: Sendable, Equatable, CustomStringConvertible {
    package let milliseconds: Double

    /// 87600h (10 years).
    package static let maximum = RunDuration(milliseconds: 87_600 * 3_600_000)

    package init(milliseconds: Double) { self.milliseconds = milliseconds }

    package init(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        milliseconds = Double(seconds) * 1000 + Double(attoseconds / 1_000_000_000_000_000)
    }

    package var isZero: Bool { milliseconds == 0 }

    /// papermill takes whole seconds and reads 0 as "no timeout", so round UP and never below 1:
    /// a 500ms timeout must not become none.
    package var papermillSeconds: Int { max(1, Int((milliseconds / 1000).rounded(.up))) }

    package var swiftDuration: Duration { .milliseconds(Int64(milliseconds.rounded(.up))) }

    /// The largest whole unit: `1h`, `30m`, `90s`, `1500ms`.
    package var description: String {
        let ms = Int(milliseconds.rounded(.up))
        for (unit, size) in [("h", 3_600_000), ("m", 60_000), ("s", 1000)] where ms > 0 && ms % size == 0 {
            return "\(ms / size)\(unit)"
        }
        return "\(ms)ms"
    }

    package struct ParseError: Error, Equatable {
        package var reason: String
        static func invalid(_ reason: String) -> ParseError { ParseError(reason: reason) }
    }

    /// Parses `text`; `0` is accepted only when `allowZero` (the flag documents 0 as "off").
    package static func parse(_ text: String, allowZero: Bool) throws(ParseError) -> RunDuration {
        let expected = "expected a duration like 90s, 1h30m or 500ms"
        if text == "0" {
            guard allowZero else { throw .invalid("\(expected); 0 is not allowed here") }
            return RunDuration(milliseconds: 0)
        }
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { throw .invalid(expected) }
        var total = 0.0
        var i = 0
        while i < bytes.count {
            let numberStart = i
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
            guard i > numberStart else { throw .invalid("\(expected), got '\(text)'") }
            if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
                i += 1
                let fractionStart = i
                while i < bytes.count, isDigit(bytes[i]) { i += 1 }
                guard i > fractionStart else { throw .invalid("\(expected), got '\(text)'") }
            }
            guard let number = Double(String(decoding: bytes[numberStart..<i], as: UTF8.self)) else {
                throw .invalid("\(expected), got '\(text)'")
            }
            let unit: Double
            if i + 1 < bytes.count, bytes[i] == UInt8(ascii: "m"), bytes[i + 1] == UInt8(ascii: "s") {
                unit = 1
                i += 2
            } else if i < bytes.count, bytes[i] == UInt8(ascii: "s") {
                unit = 1000
                i += 1
            } else if i < bytes.count, bytes[i] == UInt8(ascii: "m") {
                unit = 60_000
                i += 1
            } else if i < bytes.count, bytes[i] == UInt8(ascii: "h") {
                unit = 3_600_000
                i += 1
            } else {
                throw .invalid("\(expected) (units ms, s, m, h), got '\(text)'")
            }
            total += number * unit
            // Checked at every step: a long digit string is infinity, which no later unit undoes.
            guard total.isFinite, total <= maximum.milliseconds else {
                throw .invalid("at most \(maximum) (10 years), got '\(TextClip.clip(text, maxBytes: 40))'")
            }
        }
        guard total > 0 || allowZero else { throw .invalid("\(expected); it must be more than 0") }
        return RunDuration(milliseconds: total)
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
}
