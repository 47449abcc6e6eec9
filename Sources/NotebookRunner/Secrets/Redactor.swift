import Synchronization

/// Replaces secret values with `***` in everything nbrunner writes. Each value is matched
/// verbatim, line by line when it spans lines (a PEM key), and in its JSON-escaped form (how it
/// appears inside the output notebook, which Python's json module writes).
///
/// Values shorter than ``minimumLength`` characters are not redacted: replacing every `1` or
/// `yes` would garble the log and hide nothing.
public struct Redactor: Sendable {
    public static let minimumLength = 4
    public static let mask: [UInt8] = Array("***".utf8)

    /// Longest first, so a value that contains another is replaced whole.
    let raw: [[UInt8]]
    let json: [[UInt8]]

    /// Values that are never treated as secrets, whatever variable holds them.
    static let notSecrets: Set<String> = ["true", "false", "True", "False", "TRUE", "FALSE", "yes", "none", "None", "null", "NULL"]

    public init(values: some Sequence<String>) {
        var patterns: Set<[UInt8]> = []
        for value in values where !Self.notSecrets.contains(value) {
            let candidates = [value] + (value.contains("\n") ? value.split(separator: "\n").map { String($0) } : [])
            for candidate in candidates {
                let trimmed = candidate.hasSuffix("\r") ? String(candidate.dropLast()) : candidate
                if trimmed.count >= Self.minimumLength { patterns.insert(Array(trimmed.utf8)) }
            }
        }
        // As Python's repr() shows it (tracebacks, print(repr(x))), and as JSON text (a notebook
        // that prints json.dumps(x)): backslashes and quotes escaped.
        for pattern in Array(patterns) {
            patterns.insert(Self.pythonReprEscaped(pattern))
            patterns.insert(Self.jsonEscaped(pattern))
        }
        raw = patterns.sorted { $0.count > $1.count }
        // Inside the notebook's JSON strings every one of those forms is escaped once more.
        json = Set(raw.map(Self.jsonEscaped)).sorted { $0.count > $1.count }
    }

    public static let none = Redactor(values: [String]())
    public var isEmpty: Bool { raw.isEmpty }

    public func redact(_ bytes: [UInt8]) -> [UInt8] {
        guard !raw.isEmpty else { return bytes }
        var out = bytes
        for pattern in raw { out = Self.replace(pattern, in: out, jsonSafe: false) }
        return out
    }

    public func redact(_ text: String) -> String {
        guard !raw.isEmpty else { return text }
        let bytes = Array(text.utf8)
        var out = redact(bytes)
        // A text clipped before redaction (TextClip's `…`) may end inside a secret: mask a
        // trailing start of one, too.
        if out.count >= Self.clipMarker.count, Array(out.suffix(Self.clipMarker.count)) == Self.clipMarker {
            let body = out.dropLast(Self.clipMarker.count)
            let cut = raw.lazy.compactMap { Self.trailingPrefix(of: $0, in: body) }.max() ?? 0
            if cut > 0 { out = Array(body.dropLast(cut)) + Self.mask + Self.clipMarker }
        }
        return out == bytes ? text : String(decoding: out, as: UTF8.self)
    }

    static let clipMarker: [UInt8] = Array("…".utf8)
    /// A shorter start of a secret says too little to mask (and would mask ordinary text).
    static let minimumPartial = 3

    /// The length of the longest proper start of `pattern` (at least ``minimumPartial`` bytes)
    /// that `text` ends with, or nil.
    static func trailingPrefix(of pattern: [UInt8], in text: ArraySlice<UInt8>) -> Int? {
        let longest = min(pattern.count - 1, text.count)
        guard longest >= minimumPartial else { return nil }
        for length in stride(from: longest, through: minimumPartial, by: -1)
        where text.suffix(length).elementsEqual(pattern.prefix(length)) {
            return length
        }
        return nil
    }

    public func redact(_ text: String?) -> String? { text.map { redact($0) } }

    /// nbformat's structural string values: redacting one would make the notebook invalid
    /// (`"cell_type": "code"` with a secret `code`). Everything else is content.
    static let structuralKeys: Set<[UInt8]> = Set(["cell_type", "output_type", "name", "id", "status",
                                                   "nbformat", "nbformat_minor", "mimetype", "language"].map { Array($0.utf8) })

    /// For JSON text (the output notebook): replaces the escaped forms inside string values only
    /// (never keys, numbers, literals or nbformat's structural values), never starting inside an
    /// escape sequence, so the notebook stays valid.
    public func redactJSON(_ bytes: [UInt8]) -> [UInt8] {
        guard !json.isEmpty else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var lastKey: [UInt8] = []
        var i = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "\"") else { out.append(bytes[i]); i += 1; continue }
            // A string: find its closing quote.
            var j = i + 1
            while j < bytes.count, bytes[j] != UInt8(ascii: "\"") {
                j += bytes[j] == UInt8(ascii: "\\") ? 2 : 1
            }
            let end = min(j, bytes.count)
            var k = end + 1
            while k < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[k]) { k += 1 }
            let isKey = k < bytes.count && bytes[k] == UInt8(ascii: ":")
            var content = Array(bytes[(i + 1)..<end])
            if isKey {
                lastKey = content
            } else if !Self.structuralKeys.contains(lastKey) {
                for pattern in json { content = Self.replace(pattern, in: content, jsonSafe: true) }
            }
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: content)
            if end < bytes.count { out.append(UInt8(ascii: "\"")) }
            i = end + 1
        }
        return out
    }

    static func replace(_ pattern: [UInt8], in bytes: [UInt8], jsonSafe: Bool) -> [UInt8] {
        guard let first = pattern.first, bytes.count >= pattern.count else { return bytes }
        var out: [UInt8] = []
        var i = 0
        var last = 0
        let end = bytes.count - pattern.count
        while i <= end {
            if bytes[i] == first, matches(pattern, bytes, at: i), !jsonSafe || !insideEscape(bytes, at: i) {
                if out.isEmpty { out.reserveCapacity(bytes.count) }
                out.append(contentsOf: bytes[last..<i])
                out.append(contentsOf: mask)
                i += pattern.count
                last = i
            } else {
                i += 1
            }
        }
        if last == 0 { return bytes }
        out.append(contentsOf: bytes[last...])
        return out
    }

    static func matches(_ pattern: [UInt8], _ bytes: [UInt8], at i: Int) -> Bool {
        var k = 1
        while k < pattern.count {
            if bytes[i + k] != pattern[k] { return false }
            k += 1
        }
        return true
    }

    /// An odd number of backslashes right before `i`: `i` is the escaped character.
    static func insideEscape(_ bytes: [UInt8], at i: Int) -> Bool {
        var n = 0
        var j = i - 1
        while j >= 0, bytes[j] == UInt8(ascii: "\\") { n += 1; j -= 1 }
        return n % 2 == 1
    }

    /// How Python's `json.dumps(..., ensure_ascii=False)` writes the text inside a string.
    static func jsonEscaped(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        let hex = Array("0123456789abcdef".utf8)
        for b in bytes {
            switch b {
            case UInt8(ascii: "\""): out += Array("\\\"".utf8)
            case UInt8(ascii: "\\"): out += Array("\\\\".utf8)
            case 0x0A: out += Array("\\n".utf8)
            case 0x0D: out += Array("\\r".utf8)
            case 0x09: out += Array("\\t".utf8)
            case 0x08: out += Array("\\b".utf8)
            case 0x0C: out += Array("\\f".utf8)
            case 0..<0x20: out += Array("\\u00".utf8) + [hex[Int(b >> 4)], hex[Int(b & 0xF)]]
            default: out.append(b)
            }
        }
        return out
    }

    /// The inside of Python's repr() of a str: `\\`, `\n`, `\t`, `\r`, and `\'` when the
    /// text holds both quote characters (repr then uses single quotes and escapes them).
    static func pythonReprEscaped(_ bytes: [UInt8]) -> [UInt8] {
        let both = bytes.contains(UInt8(ascii: "'")) && bytes.contains(UInt8(ascii: "\""))
        var out: [UInt8] = []
        for b in bytes {
            switch b {
            case UInt8(ascii: "\\"): out += Array("\\\\".utf8)
            case 0x0A: out += Array("\\n".utf8)
            case 0x09: out += Array("\\t".utf8)
            case 0x0D: out += Array("\\r".utf8)
            case UInt8(ascii: "'") where both: out += Array("\\'".utf8)
            default: out.append(b)
            }
        }
        return out
    }

    /// Inherited variables whose NAME says they hold a secret; their values are redacted too.
    /// PASSWORD, PASSWD, SECRET and CREDENTIAL anywhere in the name; TOKEN as a word of it
    /// (`GITHUB_TOKEN`, `TOKEN_HF`, not `TOKENIZERS_PARALLELISM`); `API_KEY`, `PRIVATE_KEY` and
    /// any name ending in `_KEY`.
    public static func looksSecret(_ name: String) -> Bool {
        let n = name.uppercased()
        let words = n.split(separator: "_")
        return ["PASSWORD", "PASSWD", "SECRET", "CREDENTIAL", "API_KEY", "APIKEY", "PRIVATE_KEY"].contains { n.contains($0) }
            || words.contains { $0 == "TOKEN" || $0 == "TOKENS" }
            || n.hasSuffix("_KEY")
    }
}
