/// Makes one line of output comparable across runs (the `normalized` strategy), without regular
/// expressions, in one pass over the bytes:
/// - terminal colour codes removed;
/// - timestamps become `[TIMESTAMP]`: ISO 8601 dates and date-times (`2024-01-02`,
///   `2024-01-02T03:04:05.123+00:00`, `2024-01-02 03:04:05`), US dates (`01/02/2024`), times of
///   day (`03:04:05`, `3:04:05.123`), `time.ctime()` and RFC 2822 dates
///   (`Sun Nov 23 02:58:51 2025`, `Sun, 23 Nov 2025 02:58:51 GMT`), the numbers of a
///   `datetime.datetime(…)` repr, and Unix times in seconds or milliseconds (10 or 13 digits
///   starting with 1, i.e. 2001–2033);
/// - durations become `[DURATION]`: a number followed by a time unit (`0.53s`, `2.15 ms`,
///   `12 µs`, `3 seconds`);
/// - memory addresses become `0x[ADDRESS]` (`0x` and at least 6 hex digits);
/// - the kernel's process id in the file names of its cells (`/tmp/ipykernel_12345/…py`, which
///   Python warnings and printed tracebacks show) becomes `ipykernel_[PID]`;
/// - trailing whitespace is removed.
/// Numbers are left alone: ``FloatTolerantMatch`` compares them.
enum OutputNormalizer {
    static let timestamp = Array("[TIMESTAMP]".utf8)
    static let duration = Array("[DURATION]".utf8)
    static let address = Array("0x[ADDRESS]".utf8)
    static let kernelPID = Array("ipykernel_[PID]".utf8)

    static func normalize(_ line: String) -> String {
        let bytes = Array(ANSIText.strip(line).utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if isDigit(b) || isLetter(b) {
                if let (end, replacement) = match(bytes, at: i) {
                    out += replacement
                    i = end
                    continue
                }
                // Copy the whole word or number: nothing starts inside one.
                var j = i + 1
                let digits = isDigit(b)
                while j < bytes.count, digits ? isDigit(bytes[j]) : (isLetter(bytes[j]) || isDigit(bytes[j]) || bytes[j] == UInt8(ascii: "_")) {
                    j += 1
                }
                // A number may still be followed by something that starts a match (`12:00:00`
                // is tried at its first digit, so only words need this care).
                out += bytes[i..<j]
                i = j
                continue
            }
            out.append(b)
            i += 1
        }
        while let last = out.last, last == 0x20 || last == 0x09 || last == 0x0D || last == 0x0A { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }

    /// A match starting at `i` (the first byte of a word or number): its end and replacement.
    static func match(_ s: [UInt8], at i: Int) -> (Int, [UInt8])? {
        if i > 0 {
            let p = s[i - 1]
            if isLetter(p) || isDigit(p) || p == UInt8(ascii: "_") || p == UInt8(ascii: ".") { return nil }
        }
        if isLetter(s[i]) {
            if let end = textDate(s, i) { return (end, timestamp) }
            if let (prefixEnd, end) = datetimeRepr(s, i) { return (end, Array(s[i..<prefixEnd]) + timestamp) }
            var kernelFile = Cursor(s: s, i: i)
            if kernelFile.word(["ipykernel_"]), kernelFile.digits(1, 10), kernelFile.atWordEnd { return (kernelFile.i, kernelPID) }
            return nil
        }
        if s[i] == UInt8(ascii: "0"), i + 1 < s.count, s[i + 1] == UInt8(ascii: "x") || s[i + 1] == UInt8(ascii: "X") {
            var j = i + 2
            while j < s.count, isHex(s[j]) { j += 1 }
            if j - (i + 2) >= 6, !(j < s.count && (isLetter(s[j]) || isDigit(s[j]))) { return (j, address) }
            return nil
        }
        if let end = isoDate(s, i) ?? usDate(s, i) ?? timeOfDay(s, i) ?? epoch(s, i) { return (end, timestamp) }
        if let end = durationEnd(s, i) { return (end, duration) }
        return nil
    }

    /// A small cursor over the line's bytes.
    struct Cursor {
        let s: [UInt8]
        var i: Int

        mutating func digits(_ min: Int, _ max: Int) -> Bool {
            var n = 0
            while i < s.count, n < max, isDigit(s[i]) { i += 1; n += 1 }
            return n >= min
        }
        mutating func byte(_ c: Character) -> Bool {
            guard i < s.count, s[i] == c.asciiValue! else { return false }
            i += 1
            return true
        }
        mutating func word(_ words: [String]) -> Bool {
            for w in words {
                let bytes = Array(w.utf8)
                if i + bytes.count <= s.count, s[i..<(i + bytes.count)].elementsEqual(bytes) {
                    i += bytes.count
                    return true
                }
            }
            return false
        }
        var atNumberEnd: Bool { i >= s.count || !isDigit(s[i]) }
        var atWordEnd: Bool { i >= s.count || !(isLetter(s[i]) || isDigit(s[i])) }
    }

    static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `HH:MM:SS[.fff]`, hours with one or two digits.
    static func time(_ c: inout Cursor) -> Bool {
        guard c.digits(1, 2), c.byte(":"), c.digits(2, 2), c.byte(":"), c.digits(2, 2) else { return false }
        var fraction = c
        if fraction.byte(".") || fraction.byte(","), fraction.digits(1, 9) { c = fraction }
        return c.atNumberEnd
    }

    /// `YYYY-MM-DD`, optionally with `T` or a space and a time (seconds optional), and a zone.
    static func isoDate(_ s: [UInt8], _ i: Int) -> Int? {
        var c = Cursor(s: s, i: i)
        guard c.digits(4, 4), c.byte("-"), c.digits(2, 2), c.byte("-"), c.digits(2, 2), c.atNumberEnd else { return nil }
        var t = c
        if t.byte("T") || t.byte(" "), t.digits(2, 2), t.byte(":"), t.digits(2, 2) {
            var seconds = t
            if seconds.byte(":"), seconds.digits(2, 2) {
                t = seconds
                var fraction = t
                if fraction.byte(".") || fraction.byte(","), fraction.digits(1, 9) { t = fraction }
            }
            if t.atNumberEnd {
                c = t
                var zone = c
                if zone.byte("Z") {
                    if zone.atWordEnd { c = zone }
                } else if zone.byte("+") || zone.byte("-"), zone.digits(2, 2) {
                    var minutes = zone
                    _ = minutes.byte(":")
                    if minutes.digits(2, 2) { zone = minutes }
                    if zone.atNumberEnd { c = zone }
                }
            }
        }
        return c.i
    }

    /// `MM/DD/YYYY`.
    static func usDate(_ s: [UInt8], _ i: Int) -> Int? {
        var c = Cursor(s: s, i: i)
        guard c.digits(1, 2), c.byte("/"), c.digits(1, 2), c.byte("/"), c.digits(4, 4), c.atNumberEnd else { return nil }
        return c.i
    }

    static func timeOfDay(_ s: [UInt8], _ i: Int) -> Int? {
        var c = Cursor(s: s, i: i)
        return time(&c) ? c.i : nil
    }

    /// 10 digits (seconds, optionally with a fraction) or 13 (milliseconds), starting with 1.
    static func epoch(_ s: [UInt8], _ i: Int) -> Int? {
        guard s[i] == UInt8(ascii: "1") else { return nil }
        var j = i
        while j < s.count, isDigit(s[j]) { j += 1 }
        switch j - i {
        case 13: return j
        case 10:
            var c = Cursor(s: s, i: j)
            if c.byte("."), c.digits(1, 9), c.atNumberEnd { return c.i }
            return j
        default: return nil
        }
    }

    static let units = ["seconds", "second", "secs", "sec", "minutes", "minute", "mins", "min",
                        "ns", "\u{00B5}s", "\u{03BC}s", "us", "ms", "s"]

    /// A number, an optional space and a time unit, then the end of the word.
    static func durationEnd(_ s: [UInt8], _ i: Int) -> Int? {
        var c = Cursor(s: s, i: i)
        guard c.digits(1, 30) else { return nil }
        var fraction = c
        if fraction.byte("."), fraction.digits(1, 30) { c = fraction }
        _ = c.byte(" ")
        guard c.word(units), c.atWordEnd else { return nil }
        return c.i
    }

    /// `Sun Nov 23 02:58:51 2025` (`time.ctime()`) and `Sun, 23 Nov 2025 02:58:51 GMT` (RFC 2822).
    static func textDate(_ s: [UInt8], _ i: Int) -> Int? {
        var c = Cursor(s: s, i: i)
        guard c.word(weekdays) else { return nil }
        var ctime = c
        if ctime.byte(" "), ctime.word(months), ctime.byte(" ") {
            _ = ctime.byte(" ")
            if ctime.digits(1, 2), ctime.byte(" "), time(&ctime), ctime.byte(" "), ctime.digits(4, 4), ctime.atNumberEnd {
                return ctime.i
            }
        }
        var rfc = c
        if rfc.byte(","), rfc.byte(" "), rfc.digits(1, 2), rfc.byte(" "), rfc.word(months), rfc.byte(" "),
           rfc.digits(4, 4), rfc.byte(" "), time(&rfc) {
            var zone = rfc
            if zone.byte(" "), zone.word(["GMT", "UTC", "+", "-"]) {
                while zone.i < s.count, isDigit(s[zone.i]) || isLetter(s[zone.i]) { zone.i += 1 }
                rfc = zone
            }
            return rfc.i
        }
        return nil
    }

    /// `datetime.datetime(2024, 1, 2, 3, 4, 5)` and its `date`/`time` siblings: the end of the
    /// prefix and of the numbers (what follows, `)` or `, tzinfo=…`, is kept).
    static func datetimeRepr(_ s: [UInt8], _ i: Int) -> (Int, Int)? {
        var c = Cursor(s: s, i: i)
        guard c.word(["datetime.datetime(", "datetime.date(", "datetime.time("]) else { return nil }
        let prefixEnd = c.i
        while c.i < s.count, isDigit(s[c.i]) || s[c.i] == UInt8(ascii: ",") || s[c.i] == UInt8(ascii: " ") {
            if s[c.i] == UInt8(ascii: ","), c.i + 1 < s.count, !(isDigit(s[c.i + 1]) || s[c.i + 1] == UInt8(ascii: " ")) { break }
            if s[c.i] == UInt8(ascii: ","), c.i + 2 < s.count, s[c.i + 1] == UInt8(ascii: " "), !isDigit(s[c.i + 2]) { break }
            c.i += 1
        }
        return c.i > prefixEnd ? (prefixEnd, c.i) : nil
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    static func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    static func isHex(_ b: UInt8) -> Bool { isDigit(b) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x66) }
}
