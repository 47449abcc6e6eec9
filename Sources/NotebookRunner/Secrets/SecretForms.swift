import FoundationEssentials

/// Every form in which a secret value can show up in what a notebook prints, as byte patterns
/// for the ``Redactor``:
///
/// - the parts worth masking on their own: the value, each line of a multi-line value (a PEM
///   key), the string leaves of a JSON object value (a service-account key's `private_key`,
///   `private_key_id`, …), the password (or a lone token) in a URL's userinfo, and the
///   `AccountKey`, `SharedAccessSignature` and `Password`/`Pwd` values of a `;`-separated
///   connection string;
/// - each of them as written by Python's `repr()`, `json.dumps` (with and without
///   `ensure_ascii`), and HTML-escaped (pandas' `to_html`, Python's `html.escape`).
enum SecretForms {
    /// Values that are never treated as secrets, whatever variable holds them.
    static let notSecrets: Set<String> = ["true", "false", "True", "False", "TRUE", "FALSE", "yes", "none", "None", "null", "NULL"]

    /// A value of more lines than this is masked line by line only.
    static let maxWholeLines = 64

    /// The parts of `value` that are masked on their own (at least `minimumLength` characters).
    static func parts(of value: String, minimumLength: Int) -> [String] {
        var out: [String] = []
        func add(_ part: String) {
            let trimmed = part.hasSuffix("\r") ? String(part.dropLast()) : part
            if trimmed.count >= minimumLength, !notSecrets.contains(trimmed) { out.append(trimmed) }
        }
        guard !notSecrets.contains(value) else { return [] }
        let lines = value.contains("\n") ? value.split(separator: "\n") : []
        // A bundle (a CA bundle, a kubeconfig) is masked line by line; its whole forms would
        // only make the matcher larger.
        if lines.count <= maxWholeLines { add(value) }
        for line in lines { add(String(line)) }
        for leaf in jsonLeaves(value) {
            add(leaf)
            if leaf.contains("\n") {
                for line in leaf.split(separator: "\n") { add(String(line)) }
            }
        }
        urlSecrets(value).forEach(add)
        connectionStringSecrets(value).forEach(add)
        return out
    }

    /// Every byte pattern for the log and other plain text.
    static func textPatterns(of part: String) -> [[UInt8]] {
        let bytes = Array(part.utf8)
        return [
            bytes, pythonReprEscaped(bytes), jsonEscaped(bytes), jsonEscaped(bytes, ascii: true),
            htmlEscaped(bytes, quotes: false), htmlEscaped(bytes, quotes: true),
        ]
    }

    // MARK: Parts

    /// String leaves of a JSON object (recursively), except the ones that say nothing (`type`,
    /// URLs of public endpoints).
    static func jsonLeaves(_ value: String) -> [String] {
        guard value.first(where: { !$0.isWhitespace }) == "{",
            let json = try? JSONDecoder().decode(Tree.self, from: Data(value.utf8))
        else { return [] }
        var out: [String] = []
        func walk(_ v: Tree, key: String) {
            switch v {
            case .string(let s):
                let k = key.lowercased()
                if k == "type" || k == "universe_domain" || k.hasSuffix("_uri") || k.hasSuffix("_url") { return }
                out.append(s)
            case .array(let items):
                for item in items { walk(item, key: key) }
            case .object(let members):
                for (name, member) in members { walk(member, key: name) }
            case .other: return
            }
        }
        walk(json, key: "")
        return out
    }

    /// A JSON value, as far as its string leaves go.
    indirect enum Tree: Decodable {
        case string(String)
        case array([Tree])
        case object([String: Tree])
        case other

        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let s = try? c.decode(String.self) {
                self = .string(s)
            } else if let o = try? c.decode([String: Tree].self) {
                self = .object(o)
            } else if let a = try? c.decode([Tree].self) {
                self = .array(a)
            } else {
                self = .other
            }
        }
    }

    /// `scheme://user:password@host…`: the password, raw and percent-decoded; a userinfo
    /// without a password is a token (`https://TOKEN@host`, Sentry DSNs).
    static func urlSecrets(_ value: String) -> [String] {
        var out: [String] = []
        var rest = Substring(value)
        while let scheme = rest.firstRange(of: "://") {
            let after = rest[scheme.upperBound...]
            let authorityEnd = after.firstIndex { "/?# \n\t\"'".contains($0) } ?? after.endIndex
            let authority = after[..<authorityEnd]
            if let at = authority.lastIndex(of: "@") {
                let userinfo = authority[..<at]
                if let colon = userinfo.firstIndex(of: ":") {
                    let password = String(userinfo[userinfo.index(after: colon)...])
                    out.append(password)
                    if let decoded = percentDecoded(password), decoded != password { out.append(decoded) }
                } else {
                    out.append(String(userinfo))
                }
            }
            rest = after[authorityEnd...]
        }
        return out
    }

    static func percentDecoded(_ text: String) -> String? {
        guard text.contains("%") else { return nil }
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let b = utf8.popFirst() {
            if b == UInt8(ascii: "%"), utf8.count >= 2, let hi = hexValue(utf8[utf8.startIndex]), let lo = hexValue(utf8[utf8.startIndex + 1]) {
                bytes.append(hi << 4 | lo)
                utf8 = utf8.dropFirst(2)
            } else {
                bytes.append(b)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    static func hexValue(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): b - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// The secret values of a `;`-separated connection string (Azure Storage, ADO.NET, ODBC):
    /// `AccountKey=…;SharedAccessSignature=…;Password=…;Pwd=…`.
    static let connectionStringKeys: Set<String> = ["accountkey", "sharedaccesskey", "sharedaccesssignature", "password", "pwd"]

    static func connectionStringSecrets(_ value: String) -> [String] {
        guard value.contains(";"), value.contains("=") else { return [] }
        return value.split(separator: ";").compactMap { field in
            guard let eq = field.firstIndex(of: "=") else { return nil }
            let key = String(field[..<eq].filter { $0 != " " && $0 != "\t" }).lowercased()
            return connectionStringKeys.contains(key) ? String(field[field.index(after: eq)...]) : nil
        }
    }

    // MARK: Escaped forms

    /// How Python's `json.dumps` writes the text inside a string: with `ensure_ascii=False` (as
    /// notebooks are written) non-ASCII stays as is; with `ensure_ascii=True` (json.dumps'
    /// default) it becomes `\uXXXX` (surrogate pairs beyond the BMP).
    static func jsonEscaped(_ bytes: [UInt8], ascii: Bool = false) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        func hex4(_ v: UInt32) {
            out += Array("\\u".utf8)
            for shift in stride(from: 12, through: 0, by: -4) { out.append(hexDigits[Int((v >> UInt32(shift)) & 0xF)]) }
        }
        if ascii, bytes.contains(where: { $0 >= 0x80 }) {
            for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
                if scalar.value < 0x80 {
                    out += jsonEscaped([UInt8(scalar.value)])
                } else if scalar.value < 0x10000 {
                    hex4(scalar.value)
                } else {
                    let v = scalar.value - 0x10000
                    hex4(0xD800 + (v >> 10))
                    hex4(0xDC00 + (v & 0x3FF))
                }
            }
            return out
        }
        for b in bytes {
            switch b {
            case UInt8(ascii: "\""): out += Array("\\\"".utf8)
            case UInt8(ascii: "\\"): out += Array("\\\\".utf8)
            case 0x0A: out += Array("\\n".utf8)
            case 0x0D: out += Array("\\r".utf8)
            case 0x09: out += Array("\\t".utf8)
            case 0x08: out += Array("\\b".utf8)
            case 0x0C: out += Array("\\f".utf8)
            case 0..<0x20: hex4(UInt32(b))
            default: out.append(b)
            }
        }
        return out
    }

    static let hexDigits = Array("0123456789abcdef".utf8)

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

    /// HTML-escaped: `&`, `<`, `>` (pandas' `to_html`), and with `quotes` also `"` and `'` as
    /// Python's `html.escape` writes them (`&quot;`, `&#x27;`).
    static func htmlEscaped(_ bytes: [UInt8], quotes: Bool) -> [UInt8] {
        var out: [UInt8] = []
        for b in bytes {
            switch b {
            case UInt8(ascii: "&"): out += Array("&amp;".utf8)
            case UInt8(ascii: "<"): out += Array("&lt;".utf8)
            case UInt8(ascii: ">"): out += Array("&gt;".utf8)
            case UInt8(ascii: "\"") where quotes: out += Array("&quot;".utf8)
            case UInt8(ascii: "'") where quotes: out += Array("&#x27;".utf8)
            default: out.append(b)
            }
        }
        return out
    }
}
