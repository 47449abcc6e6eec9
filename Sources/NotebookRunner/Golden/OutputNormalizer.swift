/// Makes one line of output comparable across runs (the `normalized` strategy), without regular
/// expressions, in one pass over the bytes. Each rule needs the shape AND the context of what
/// it replaces, so that counts, sizes, hashes and versions are still compared:
/// - terminal colour codes removed; of a line with carriage returns (a progress bar redrawn
///   in place), only the text after the last one that is followed by text (what a terminal or
///   Jupyter shows);
/// - timestamps become `[TIMESTAMP]`: ISO 8601 dates and date-times with a real month, day and
///   time (`2024-01-02`, `2024-01-02T03:04:05.123+00:00`, `2024-01-02 03:04:05,123`), US/European
///   dates (`01/02/2024`), times of day (`03:04:05`, `3:04:05.123`; hours 0–23, minutes and
///   seconds 0–59), `time.ctime()` and RFC 2822 dates (`Sun Nov 23 02:58:51 2025`,
///   `Sun, 23 Nov 2025 02:58:51 GMT`), the numbers of a `datetime.datetime(…)` repr, and Unix
///   times starting with 1 (2001–2033): 10 digits with a fraction (`time.time()`:
///   `1763866731.5123`) anywhere, and 10, 13, 16 or 19 digits (s, ms, µs, ns) only right
///   after a word that names a time (`time`, `timestamp`, `epoch`, `created`, `…_at`, …);
/// - durations become `[DURATION]` (see ``durationEnd(_:_:)``): `0.53s`, `2.15 ms`,
///   `12 µs ± 1 µs per loop`, `user 2 ms, sys: 1 ms`, `3 seconds.`, and `1min 2s` as one;
///   tqdm's elapsed and remaining times (`[00:01<00:02,`); rates become `[RATE]`
///   (`19.8it/s`, `1.2MB/s`, `2.5s/it`, the padding before them one space);
///   `%timeit`'s loop count (`1,000,000 loops each`) becomes `[LOOPS]`;
/// - memory addresses become `0x[ADDRESS]`: `0x` and at least 6 hex digits after the word `at`
///   (`<Foo object at 0x7f…>`, `<function f at 0x…>`), elsewhere `0x` and 9 to 12 hex digits
///   (a 64-bit process's pointers); CRCs (8 digits), 64-bit hashes (16) and the like stay;
/// - the kernel's process id in the file names of its cells (`/tmp/ipykernel_12345/…py`, which
///   Python warnings and printed tracebacks show) becomes `ipykernel_[PID]`;
/// - machine folders in file names: the temporary folder before `ipykernel_PID/` becomes
///   `[TMP]`, everything up to `site-packages/` or `dist-packages/` becomes `[SITE-PACKAGES]`
///   (``machineFolders(_:)``), so a golden made on another machine or with another TMPDIR
///   compares;
/// - compact timestamps (`20261123_033841`, `%Y%m%d_%H%M%S` and similar) become `[TIMESTAMP]`;
/// - trailing whitespace is removed.
/// Nothing is replaced inside a word (`x_1700000000`, `v2024-01-02`). Numbers are left alone:
/// ``FloatTolerantMatch`` compares them.
enum OutputNormalizer {
    static let timestamp = Array("[TIMESTAMP]".utf8)
    static let duration = Array("[DURATION]".utf8)
    static let rate = Array("[RATE]".utf8)
    static let loops = Array("[LOOPS]".utf8)
    static let address = Array("0x[ADDRESS]".utf8)
    static let kernelPID = Array("ipykernel_[PID]".utf8)

    static func normalize(_ line: String) -> String {
        String(decoding: normalizedBytes(line), as: UTF8.self)
    }

    static func normalizedBytes(_ line: String) -> [UInt8] {
        var bytes = Array(ANSIText.strip(line).utf8)
        if bytes.contains(0x0D) { bytes = lastRedraw(bytes) }
        bytes = compactTimestamps(machineFolders(bytes))
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if ASCII.isDigit(b) || ASCII.isLetter(b) {
                if let (end, replacement) = match(bytes, at: i) {
                    if replacement == rate, out.last == 0x20 {
                        // tqdm pads its rate to five characters: `[00:01, 19.84it/s]`, `[00:01,  4.80s/it]`.
                        while out.last == 0x20 { out.removeLast() }
                        out.append(0x20)
                    }
                    out += replacement
                    i = end
                    continue
                }
                // Copy the whole word or number: nothing starts inside one.
                var j = i + 1
                let digits = ASCII.isDigit(b)
                while j < bytes.count, digits ? ASCII.isDigit(bytes[j]) : (ASCII.isLetter(bytes[j]) || ASCII.isDigit(bytes[j]) || bytes[j] == UInt8(ascii: "_"))
                {
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
        return out
    }

    static let kernelFolder = Array("ipykernel_".utf8)
    static let sitePackages = Array("site-packages/".utf8)
    static let distPackages = Array("dist-packages/".utf8)
    static let tmpFolder = Array("[TMP]/".utf8)
    static let sitePackagesFolder = Array("[SITE-PACKAGES]/".utf8)

    /// Folders that depend on the machine, not the notebook, in the file names that Python
    /// warnings and printed tracebacks show: the temporary folder before `ipykernel_PID/`
    /// (`/tmp`, a redirected TMPDIR, macOS's `/var/folders/…/T`) becomes `[TMP]`, and
    /// everything up to `site-packages/` or `dist-packages/` (the interpreter's prefix)
    /// becomes `[SITE-PACKAGES]`. A path starts after a space, a quote, `(`, `<`, `=` or the
    /// start of the line.
    static func machineFolders(_ bytes: [UInt8]) -> [UInt8] {
        var out = bytes
        for (needle, replacement, keepNeedle) in [
            (kernelFolder, tmpFolder, true), (sitePackages, sitePackagesFolder, false),
            (distPackages, sitePackagesFolder, false),
        ] {
            var from = 0
            while let at = ASCII.firstIndex(of: needle, in: out, from: from) {
                guard at > 0, out[at - 1] == UInt8(ascii: "/") else {
                    from = at + needle.count
                    continue
                }
                var start = at - 1
                while start > 0, !isPathStop(out[start - 1]) { start -= 1 }
                guard out[start] == UInt8(ascii: "/") else {
                    from = at + needle.count
                    continue
                }
                let end = keepNeedle ? at : at + needle.count
                out.replaceSubrange(start..<end, with: replacement)
                from = start + replacement.count + (keepNeedle ? needle.count : 0)
            }
        }
        return out
    }

    static func isPathStop(_ b: UInt8) -> Bool {
        b == 0x20 || b == 0x09 || b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: "(")
            || b == UInt8(ascii: "<") || b == UInt8(ascii: "=")
    }

    /// `strftime("%Y%m%d_%H%M%S")` and its `T`/`-`/no-separator forms (`20261123_033841`, also
    /// inside a file name, `report_20261123_033841.csv`): a real date (years 1970–2099, month
    /// 01–12, day 01–31) and a real time of day, not inside a longer number.
    static func compactTimestamps(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.count >= 14 else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if ASCII.isDigit(bytes[i]), i == 0 || !ASCII.isDigit(bytes[i - 1]), let end = compactTimestampEnd(bytes, i) {
                out += timestamp
                i = end
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        return out
    }

    static func compactTimestampEnd(_ s: [UInt8], _ i: Int) -> Int? {
        func number(_ at: Int, _ count: Int) -> Int? {
            guard at + count <= s.count else { return nil }
            var v = 0
            for b in s[at..<(at + count)] {
                guard ASCII.isDigit(b) else { return nil }
                v = v * 10 + Int(b - 0x30)
            }
            return v
        }
        guard let year = number(i, 4), (1970...2099).contains(year), let month = number(i + 4, 2), (1...12).contains(month),
            let day = number(i + 6, 2), (1...31).contains(day)
        else { return nil }
        var t = i + 8
        if t < s.count, s[t] == UInt8(ascii: "_") || s[t] == UInt8(ascii: "T") || s[t] == UInt8(ascii: "-") { t += 1 }
        guard let hour = number(t, 2), hour < 24, let minute = number(t + 2, 2), minute < 60,
            let second = number(t + 4, 2), second < 60
        else { return nil }
        let end = t + 6
        return end < s.count && ASCII.isDigit(s[end]) ? nil : end
    }

    /// The text after the last carriage return that is followed by something other than
    /// whitespace: `\r 40%|…\r100%|…` is `100%|…`, and so is `100%|…\r`.
    static func lastRedraw(_ bytes: [UInt8]) -> [UInt8] {
        var end = bytes.count
        while end > 0 {
            let start = (bytes[..<end].lastIndex(of: 0x0D) ?? -1) + 1
            if bytes[start..<end].contains(where: { !isSpace($0) }) { return Array(bytes[start..<end]) }
            if start == 0 { break }
            end = start - 1
        }
        return []
    }

    /// A match starting at `i` (the first byte of a word or number): its end and replacement.
    static func match(_ s: [UInt8], at i: Int) -> (Int, [UInt8])? {
        if i > 0 {
            let p = s[i - 1]
            if ASCII.isLetter(p) || ASCII.isDigit(p) || p == UInt8(ascii: "_") || p == UInt8(ascii: ".") { return nil }
        }
        switch s[i] {
        case UInt8(ascii: "M"), UInt8(ascii: "T"), UInt8(ascii: "W"), UInt8(ascii: "F"), UInt8(ascii: "S"):
            return textDate(s, i).map { ($0, timestamp) }
        case UInt8(ascii: "d"):
            return datetimeRepr(s, i).map { prefixEnd, end in (end, Array(s[i..<prefixEnd]) + timestamp) }
        case UInt8(ascii: "i"):
            var kernelFile = Cursor(s: s, i: i)
            if kernelFile.word(Self.kernelFile), kernelFile.digits(1, 10), kernelFile.atWordEnd { return (kernelFile.i, kernelPID) }
            return nil
        default:
            if !ASCII.isDigit(s[i]) { return nil }
        }
        if s[i] == UInt8(ascii: "0"), i + 1 < s.count, s[i + 1] == UInt8(ascii: "x") || s[i + 1] == UInt8(ascii: "X") {
            return addressEnd(s, i).map { ($0, address) }
        }
        // Which rules can apply, from the digits and the byte after them.
        var j = i
        while j < s.count, ASCII.isDigit(s[j]) { j += 1 }
        let count = j - i
        let next: UInt8 = j < s.count ? s[j] : 0
        switch next {
        case UInt8(ascii: "-"):
            if count == 4, let end = isoDate(s, i) { return (end, timestamp) }
        case UInt8(ascii: "/"):
            if count <= 2, let end = usDate(s, i) { return (end, timestamp) }
        case UInt8(ascii: ":"):
            if count <= 2, let end = timeOfDay(s, i) { return (end, timestamp) }
            if count == 2, let end = tqdmElapsed(s, i) { return (end, duration) }
            return nil
        default:
            break
        }
        if s[i] == UInt8(ascii: "1"), count >= 10, let end = epoch(s, i) { return (end, timestamp) }
        // Durations, rates and loop counts: digits, then a fraction, a unit, a space or a comma.
        guard next == UInt8(ascii: ".") || next == 0x20 || next == UInt8(ascii: ",") || ASCII.isLetter(next) || next >= 0x80 else { return nil }
        if let end = rateEnd(s, i) { return (end, rate) }
        if var end = durationEnd(s, i) {
            // One duration in several units (IPython's `1min 2s`, `1h 2min 3s`).
            while end + 1 < s.count, s[end] == 0x20, ASCII.isDigit(s[end + 1]), let next = durationEnd(s, end + 1) { end = next }
            return (end, duration)
        }
        if let end = timeitLoops(s, i) { return (end, loops) }
        return nil
    }

    /// `0x…` at `i`: an address after the word `at` (6 or more hex digits), or with the width of
    /// a 64-bit process's pointer (9 to 12 hex digits: `0x7f2ff2ad3300`, macOS's `0x10a2b3c40`).
    static func addressEnd(_ s: [UInt8], _ i: Int) -> Int? {
        var j = i + 2
        while j < s.count, ASCII.isHex(s[j]) { j += 1 }
        guard !(j < s.count && ASCII.isWordByte(s[j])) else { return nil }
        let width = j - (i + 2)
        let afterAt =
            i >= 3 && s[i - 1] == 0x20 && s[i - 2] == UInt8(ascii: "t") && s[i - 3] == UInt8(ascii: "a")
            && (i == 3 || !ASCII.isWordByte(s[i - 4]))
        return (afterAt && width >= 6) || (9...12).contains(width) ? j : nil
    }

    /// A small cursor over the line's bytes.
    struct Cursor {
        let s: [UInt8]
        var i: Int

        mutating func digits(_ min: Int, _ max: Int) -> Bool {
            var n = 0
            while i < s.count, n < max, ASCII.isDigit(s[i]) {
                i += 1
                n += 1
            }
            return n >= min
        }
        /// The value of `min` to `max` digits.
        mutating func value(_ min: Int, _ max: Int) -> Int? {
            let start = i
            guard digits(min, max) else { return nil }
            return s[start..<i].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        /// `min` to `max` digits whose value is in `range`.
        mutating func number(_ min: Int, _ max: Int, in range: ClosedRange<Int>) -> Bool {
            value(min, max).map(range.contains) ?? false
        }
        mutating func byte(_ c: Character) -> Bool {
            guard i < s.count, s[i] == c.asciiValue! else { return false }
            i += 1
            return true
        }
        /// The first of `words` (bytes, see ``bytes(_:)``) found at the cursor.
        mutating func word(_ words: [[UInt8]]) -> Bool {
            for w in words where i + w.count <= s.count {
                var k = 0
                while k < w.count, s[i + k] == w[k] { k += 1 }
                if k == w.count {
                    i += w.count
                    return true
                }
            }
            return false
        }
        var atNumberEnd: Bool { i >= s.count || !ASCII.isDigit(s[i]) }
        var atWordEnd: Bool { i >= s.count || !ASCII.isWordByte(s[i]) }
    }

    static func bytes(_ words: [String]) -> [[UInt8]] { words.map { Array($0.utf8) } }

    static let weekdays = bytes(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"])
    static let months = bytes(["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"])
    static let kernelFile = bytes(["ipykernel_"])
    static let reprs = bytes(["datetime.datetime(", "datetime.date(", "datetime.time("])
    static let zones = bytes(["GMT", "UTC", "+", "-"])
    static let perSecond = bytes(["/s"])
    static let secondsPerIteration = bytes(["s/it"])
    static let per = bytes(["per"])
    static let loopWords = bytes(["loops", "loop"])
    static let afterLoops = bytes([" each", ", best of"])

    /// `HH:MM:SS[.fff]`, hours with one or two digits (0–23), minutes and seconds 00–59.
    static func time(_ c: inout Cursor) -> Bool {
        guard c.number(1, 2, in: 0...23), c.byte(":"), c.number(2, 2, in: 0...59), c.byte(":"), c.number(2, 2, in: 0...59) else { return false }
        var fraction = c
        if fraction.byte(".") || fraction.byte(","), fraction.digits(1, 9) { c = fraction }
        return c.atNumberEnd
    }

    /// `YYYY-MM-DD` (month 01–12, day 01–31), optionally with `T` or a space and a time
    /// (seconds optional), and a zone.
    static func isoDate(_ s: [UInt8], _ i: Int) -> Int? {
        var c = Cursor(s: s, i: i)
        guard c.digits(4, 4), c.byte("-"), c.number(2, 2, in: 1...12), c.byte("-"), c.number(2, 2, in: 1...31), c.atNumberEnd else { return nil }
        var t = c
        if t.byte("T") || t.byte(" "), t.number(2, 2, in: 0...23), t.byte(":"), t.number(2, 2, in: 0...59) {
            var seconds = t
            if seconds.byte(":"), seconds.number(2, 2, in: 0...59) {
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

    /// `MM/DD/YYYY` or `DD/MM/YYYY`: both 1–31, one of them 1–12.
    static func usDate(_ s: [UInt8], _ i: Int) -> Int? {
        var c = Cursor(s: s, i: i)
        guard let first = c.value(1, 2), c.byte("/"), let second = c.value(1, 2), c.byte("/"), c.digits(4, 4), c.atNumberEnd,
            (1...31).contains(first), (1...31).contains(second), first <= 12 || second <= 12
        else { return nil }
        return c.i
    }

    static func timeOfDay(_ s: [UInt8], _ i: Int) -> Int? {
        var c = Cursor(s: s, i: i)
        return time(&c) ? c.i : nil
    }

    /// Words after which a 10-, 13-, 16- or 19-digit number is a Unix time: the word itself or
    /// its ending (`start_time`, `mtime`, `created_at`, `"timestamp":`).
    static let epochWords = ["time", "times", "timestamp", "timestamps", "epoch", "created", "modified", "updated", "_at", "_ts"]

    /// A Unix time starting with 1 (2001–2033): seconds with a fraction (`1763866731.5123`)
    /// anywhere; seconds, milliseconds, microseconds or nanoseconds (10, 13, 16, 19 digits) after
    /// a time word (``epochWords``, or `ts`), with at most one of ` `, `:`, `=` and a quote
    /// between (`created: 1763866731`, `"ts": 1763866731123`, `time=1763866731`).
    static func epoch(_ s: [UInt8], _ i: Int) -> Int? {
        guard s[i] == UInt8(ascii: "1") else { return nil }
        var c = Cursor(s: s, i: i)
        _ = c.digits(1, 30)
        let count = c.i - i
        guard [10, 13, 16, 19].contains(count) else { return nil }
        var fraction = c
        var hasFraction = false
        if fraction.byte("."), fraction.digits(1, 9) {
            c = fraction
            hasFraction = true
        }
        guard c.atWordEnd, !(c.i + 1 < s.count && s[c.i] == UInt8(ascii: ".") && ASCII.isDigit(s[c.i + 1])) else { return nil }
        if count == 10 && hasFraction { return c.i }
        return afterTimeWord(s, i) ? c.i : nil
    }

    static func afterTimeWord(_ s: [UInt8], _ i: Int) -> Bool {
        var k = i
        var skipped = 0
        while k > 0, skipped < 4, [0x20, UInt8(ascii: ":"), UInt8(ascii: "="), UInt8(ascii: "\""), UInt8(ascii: "'")].contains(s[k - 1]) {
            k -= 1
            skipped += 1
        }
        guard skipped > 0 else { return false }
        var start = k
        while start > 0, ASCII.isWordByte(s[start - 1]) { start -= 1 }
        guard start < k else { return false }
        let word = s[start..<k].map { $0 | (ASCII.isLetter($0) ? 0x20 : 0) }
        if word.elementsEqual("ts".utf8) { return true }
        return epochWords.contains { w in word.count >= w.utf8.count && word.suffix(w.utf8.count).elementsEqual(w.utf8) }
    }

    /// tqdm's elapsed and remaining times, `MM:SS` right after `[` or `<` and before `<`, `,`
    /// or `]` (`[00:01<00:02, 3.2it/s]`, `5it [00:01, 3.2it/s]`). An hour or more is `H:MM:SS`,
    /// a time of day.
    static func tqdmElapsed(_ s: [UInt8], _ i: Int) -> Int? {
        guard i > 0, s[i - 1] == UInt8(ascii: "[") || s[i - 1] == UInt8(ascii: "<") else { return nil }
        var c = Cursor(s: s, i: i)
        guard c.number(2, 2, in: 0...59), c.byte(":"), c.number(2, 2, in: 0...59), c.i < s.count,
            [UInt8(ascii: "<"), UInt8(ascii: ","), UInt8(ascii: "]")].contains(s[c.i])
        else { return nil }
        return c.i
    }

    /// A number directly followed by a unit per second (`19.8it/s`, `1.2MB/s`, `3img/s`) or
    /// by `s/it` (tqdm's rates).
    static func rateEnd(_ s: [UInt8], _ i: Int) -> Int? {
        var c = Cursor(s: s, i: i)
        guard c.digits(1, 30) else { return nil }
        var fraction = c
        if fraction.byte("."), fraction.digits(1, 30) { c = fraction }
        if c.word(secondsPerIteration), c.atWordEnd { return c.i }
        let unitStart = c.i
        while c.i < s.count, ASCII.isLetter(s[c.i]) { c.i += 1 }
        guard c.i > unitStart, c.word(perSecond), c.atWordEnd else { return nil }
        return c.i
    }

    /// Time units, longest first. `us` and `h` count only in the forms ``durationEnd(_:_:)`` says.
    static let units = bytes([
        "seconds", "second", "secs", "sec", "minutes", "minute", "mins", "min", "hours", "hour", "hrs", "hr",
        "ns", "\u{00B5}s", "\u{03BC}s", "us", "ms", "s", "h",
    ])

    /// A number and a time unit that ends its word:
    /// - with a fraction, always: `0.53s`, `2.15 ms`, `1.5 us`;
    /// - an integer directly followed by its unit: `12s`, `10ms/step`, `1min 2s`, `2h`, except
    ///   four or more digits and `s` (`1990s`, `1000s`);
    /// - an integer, a space and its unit (`%time` and `%timeit`: `user 308 μs, sys: 100 μs`,
    ///   `278 ns ± 13 ns per loop`, `Wall time: 2 s`): only when the unit ends the line or is
    ///   followed by punctuation, a number, `±` or the word `per` (so not `3 ms files`), and
    ///   never with `us` or `h` (`2 us` is a pronoun).
    static func durationEnd(_ s: [UInt8], _ i: Int) -> Int? {
        var c = Cursor(s: s, i: i)
        guard c.digits(1, 30) else { return nil }
        let integerDigits = c.i - i
        var fraction = c
        var hasFraction = false
        if fraction.byte("."), fraction.digits(1, 30) {
            c = fraction
            hasFraction = true
        }
        let spaced = c.byte(" ")
        let unitStart = c.i
        guard c.word(units), c.atWordEnd else { return nil }
        let unit = s[unitStart..<c.i]
        if hasFraction { return c.i }
        if !spaced {
            if unit.elementsEqual("s".utf8), integerDigits >= 4 { return nil }
            return c.i
        }
        if unit.elementsEqual("us".utf8) || unit.elementsEqual("h".utf8) { return nil }
        var next = c.i
        while next < s.count, s[next] == 0x20 { next += 1 }
        if next == s.count || !ASCII.isLetter(s[next]) { return c.i }
        var per = Cursor(s: s, i: next)
        return per.word(Self.per) && per.atWordEnd ? c.i : nil
    }

    /// `%timeit`'s loop count, which it picks from the machine's speed: `1,000,000 loops each`,
    /// `1 loop each`, and the older `1000 loops, best of 3`. The count and `loop(s)` become
    /// `[LOOPS]`.
    static func timeitLoops(_ s: [UInt8], _ i: Int) -> Int? {
        var c = Cursor(s: s, i: i)
        guard c.digits(1, 30) else { return nil }
        if c.i - i <= 3 {
            while true {
                var group = c
                guard group.byte(","), group.digits(3, 3), group.atNumberEnd else { break }
                c = group
            }
        }
        guard c.byte(" "), c.word(loopWords) else { return nil }
        var after = c
        guard after.word(afterLoops) else { return nil }
        return c.i
    }

    /// `Sun Nov 23 02:58:51 2025` (`time.ctime()`) and `Sun, 23 Nov 2025 02:58:51 GMT` (RFC 2822).
    static func textDate(_ s: [UInt8], _ i: Int) -> Int? {
        var c = Cursor(s: s, i: i)
        guard c.word(weekdays) else { return nil }
        var ctime = c
        if ctime.byte(" "), ctime.word(months), ctime.byte(" ") {
            _ = ctime.byte(" ")
            if ctime.number(1, 2, in: 1...31), ctime.byte(" "), time(&ctime), ctime.byte(" "), ctime.digits(4, 4), ctime.atNumberEnd {
                return ctime.i
            }
        }
        var rfc = c
        if rfc.byte(","), rfc.byte(" "), rfc.number(1, 2, in: 1...31), rfc.byte(" "), rfc.word(months), rfc.byte(" "),
            rfc.digits(4, 4), rfc.byte(" "), time(&rfc)
        {
            var zone = rfc
            if zone.byte(" "), zone.word(zones) {
                while zone.i < s.count, ASCII.isDigit(s[zone.i]) || ASCII.isLetter(s[zone.i]) { zone.i += 1 }
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
        guard c.word(reprs) else { return nil }
        let prefixEnd = c.i
        while c.i < s.count, ASCII.isDigit(s[c.i]) || s[c.i] == UInt8(ascii: ",") || s[c.i] == UInt8(ascii: " ") {
            if s[c.i] == UInt8(ascii: ","), c.i + 1 < s.count, !(ASCII.isDigit(s[c.i + 1]) || s[c.i + 1] == UInt8(ascii: " ")) { break }
            if s[c.i] == UInt8(ascii: ","), c.i + 2 < s.count, s[c.i + 1] == UInt8(ascii: " "), !ASCII.isDigit(s[c.i + 2]) { break }
            c.i += 1
        }
        return c.i > prefixEnd ? (prefixEnd, c.i) : nil
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A }
}
