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

    public init(values: some Sequence<String>) {
        var patterns: Set<[UInt8]> = []
        for value in values {
            let candidates = [value] + (value.contains("\n") ? value.split(separator: "\n").map { String($0) } : [])
            for candidate in candidates {
                let trimmed = candidate.hasSuffix("\r") ? String(candidate.dropLast()) : candidate
                if trimmed.count >= Self.minimumLength { patterns.insert(Array(trimmed.utf8)) }
            }
        }
        // As Python's repr() shows it (tracebacks, print(repr(x))): backslashes and quotes escaped.
        for pattern in Array(patterns) {
            let repr = Self.pythonReprEscaped(pattern)
            if repr != pattern { patterns.insert(repr) }
        }
        raw = patterns.sorted { $0.count > $1.count }
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
        let out = redact(bytes)
        return out == bytes ? text : String(decoding: out, as: UTF8.self)
    }

    public func redact(_ text: String?) -> String? { text.map { redact($0) } }

    /// For JSON text (the output notebook): replaces the escaped forms, never starting inside an
    /// escape sequence, so the JSON stays valid.
    public func redactJSON(_ bytes: [UInt8]) -> [UInt8] {
        guard !json.isEmpty else { return bytes }
        var out = bytes
        for pattern in json { out = Self.replace(pattern, in: out, jsonSafe: true) }
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
    public static func looksSecret(_ name: String) -> Bool {
        let n = name.uppercased()
        return ["PASSWORD", "PASSWD", "SECRET", "TOKEN", "CREDENTIAL", "API_KEY", "PRIVATE_KEY"].contains { n.contains($0) }
            || n.hasSuffix("_KEY")
    }
}
