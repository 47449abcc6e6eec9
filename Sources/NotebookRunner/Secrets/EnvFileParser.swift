import FoundationEssentials

/// The strict subset of shell syntax nbrunner accepts in env files (what Vault Agent templates
/// render for a container to `source`), parsed without a shell:
///
/// - blank lines and `#` comments (leading spaces and tabs allowed);
/// - `[export ]KEY=VALUE`, KEY `[A-Za-z_][A-Za-z0-9_]*`, no spaces around `=`;
/// - VALUE is one shell word made of segments: unquoted characters from
///   `[A-Za-z0-9_./:@%+,=-]`, `'single-quoted'` (literal), `"double-quoted"` (escapes `\"` `\\`
///   `\$` `` \` ``; a backslash-newline is removed; any other backslash stays, as in a shell);
///   quoted segments may span lines; after the word only spaces and a `#` comment may follow;
/// - CRLF line ends and a UTF-8 BOM are accepted;
/// - anything a shell would expand or execute (an unescaped `$`, a backtick, `$(…)`) is
///   REJECTED, never guessed;
/// - a file whose content is a JSON object of strings is accepted, also the Vault injector's
///   json template for KV v2 (the strings under `data`, next to `metadata`); a key given twice
///   is rejected (JSON parsers disagree on which value wins);
/// - the file must be UTF-8, and no value may hold a NUL byte (raw, or `\u0000` in JSON), which
///   no environment variable can carry: both are rejected, never replaced or cut.
///
/// Errors carry line, column and a reason, never any of the file's content.
package enum EnvFileParser {
    package struct Entry: Sendable, Equatable {
        package var key: String
        package var value: String
        package var line: Int
    }

    package struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        package var line: Int
        package var column: Int
        /// One line: control characters from the file (a key name holding a newline) are escaped.
        package var reason: String
        package var description: String { "\(line):\(column): \(reason)" }

        package init(line: Int, column: Int, reason: String) {
            self.line = line
            self.column = column
            self.reason =
                reason.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F })
                ? String(
                    reason.unicodeScalars.flatMap { scalar -> [Unicode.Scalar] in
                        scalar.value < 0x20 || scalar.value == 0x7F ? Array(scalar.escaped(asASCII: true).unicodeScalars) : [scalar]
                    }.map(Character.init))
                : reason
        }
    }

    package static func parse(_ input: [UInt8]) throws(Failure) -> [Entry] {
        var bytes = input
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let bad = firstInvalidUTF8(bytes) {
            throw failure(at: bad, in: bytes, "not valid UTF-8 (an environment value must be text)")
        }
        if let nul = bytes.firstIndex(of: 0) {
            throw failure(at: nul, in: bytes, "a NUL byte, which no environment variable can hold")
        }
        if let first = bytes.first(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }), first == UInt8(ascii: "{") {
            return try parseJSON(bytes)
        }
        var scanner = Scanner(bytes: bytes)
        return try scanner.entries()
    }

    /// A failure at byte `offset`: 1-based line and byte column.
    static func failure(at offset: Int, in bytes: [UInt8], _ reason: String) -> Failure {
        let before = bytes[..<offset]
        let line = before.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
        let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
        return Failure(line: line, column: offset - lineStart + 1, reason: reason)
    }

    /// The offset of the first byte that does not belong to well-formed UTF-8 (RFC 3629: no
    /// overlong forms, no surrogates, nothing past U+10FFFF), or nil.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 {
                i += 1
                continue
            }
            let more: Int
            let second: ClosedRange<UInt8>
            switch b {
            case 0xC2...0xDF: (more, second) = (1, 0x80...0xBF)
            case 0xE0: (more, second) = (2, 0xA0...0xBF)
            case 0xE1...0xEC, 0xEE...0xEF: (more, second) = (2, 0x80...0xBF)
            case 0xED: (more, second) = (2, 0x80...0x9F)
            case 0xF0: (more, second) = (3, 0x90...0xBF)
            case 0xF1...0xF3: (more, second) = (3, 0x80...0xBF)
            case 0xF4: (more, second) = (3, 0x80...0x8F)
            default: return i
            }
            guard i + more < bytes.count, second.contains(bytes[i + 1]) else { return i }
            for k in stride(from: 2, through: more, by: 1) where !(0x80...0xBF).contains(bytes[i + k]) { return i }
            i += more + 1
        }
        return nil
    }

    // MARK: JSON

    /// Rejects a key given twice in one object.
    static func rejectDuplicates(_ members: [JSONObjectMembers.Member], in object: String) throws(Failure) {
        var seen: Set<String> = []
        for member in members where !seen.insert(member.key).inserted {
            throw Failure(
                line: member.line, column: member.column,
                reason: "\(object) gives the key \(member.key) twice; give each key once")
        }
    }

    static func parseJSON(_ bytes: [UInt8]) throws(Failure) -> [Entry] {
        if let syntax = JSONSyntaxError.find(in: bytes) {
            throw Failure(line: syntax.line, column: syntax.column, reason: "not valid JSON")
        }
        struct Loose: Decodable {
            var strings: [String: String] = [:]
            var nonStrings: [String] = []
            var data: [String: String]?
            var dataNonStrings: [String] = []
            var hasMetadata = false
            struct Key: CodingKey {
                var stringValue: String
                var intValue: Int? { nil }
                init(stringValue: String) { self.stringValue = stringValue }
                init?(intValue: Int) { nil }
            }
            init(from decoder: any Decoder) throws {
                let c = try decoder.container(keyedBy: Key.self)
                for key in c.allKeys {
                    if let s = try? c.decode(String.self, forKey: key) {
                        strings[key.stringValue] = s
                    } else if key.stringValue == "data", let inner = try? c.nestedContainer(keyedBy: Key.self, forKey: key) {
                        var d: [String: String] = [:]
                        for k in inner.allKeys {
                            if let s = try? inner.decode(String.self, forKey: k) { d[k.stringValue] = s } else { dataNonStrings.append(k.stringValue) }
                        }
                        data = d
                    } else {
                        if key.stringValue == "metadata" { hasMetadata = true }
                        nonStrings.append(key.stringValue)
                    }
                }
            }
        }
        let loose: Loose
        do {
            loose = try JSONDecoder().decode(Loose.self, from: Data(bytes))
        } catch {
            throw Failure(line: 1, column: 1, reason: "the JSON is not an object of strings")
        }
        let top = JSONObjectMembers.of(bytes)
        try rejectDuplicates(top, in: "the JSON object")
        var scope = top  // the object the pairs come from
        var pairs: [(String, String)]
        if let data = loose.data, loose.hasMetadata || loose.strings.isEmpty {
            if let member = top.first(where: { $0.key == "data" }) {
                scope = JSONObjectMembers.of(bytes, from: member.value.lowerBound)
                try rejectDuplicates(scope, in: "the JSON \"data\" object")
            }
            // Vault KV v2 through the injector's json template: {"data": {...}, "metadata": {...}}
            guard loose.dataNonStrings.isEmpty else {
                throw Failure(
                    line: 1, column: 1,
                    reason: "the JSON \"data\" object has values that are not strings (keys: \(loose.dataNonStrings.sorted().joined(separator: ", ")))")
            }
            pairs = data.map { ($0.key, $0.value) }
        } else {
            guard loose.nonStrings.isEmpty, loose.data == nil else {
                throw Failure(
                    line: 1, column: 1,
                    reason:
                        "the JSON object has values that are not strings (keys: \((loose.nonStrings + (loose.data == nil ? [] : ["data"])).sorted().joined(separator: ", ")))"
                )
            }
            pairs = loose.strings.map { ($0.key, $0.value) }
        }
        pairs.sort { $0.0 < $1.0 }
        if let (key, _) = pairs.first(where: { $0.1.utf8.contains(0) }) {
            // A \u0000 escape: reported at its key.
            let member = scope.first { $0.key == key }
            throw Failure(
                line: member?.line ?? 1, column: member?.column ?? 1,
                reason: "the value of \(key) holds a NUL character (\\u0000), which no environment variable can hold")
        }
        for (key, _) in pairs where !isValidKey(Array(key.utf8)) {
            throw Failure(line: 1, column: 1, reason: "a JSON key is not a valid variable name ([A-Za-z_][A-Za-z0-9_]*)")
        }
        return pairs.map { Entry(key: $0.0, value: $0.1, line: 1) }
    }

    static func isValidKey(_ key: [UInt8]) -> Bool {
        guard let first = key.first, first == UInt8(ascii: "_") || ASCII.isLetter(first) else { return false }
        return key.allSatisfy { $0 == UInt8(ascii: "_") || ASCII.isLetter($0) || ASCII.isDigit($0) }
    }
    /// Characters a shell leaves alone in an unquoted word.
    static func isSafeUnquoted(_ b: UInt8) -> Bool {
        ASCII.isLetter(b) || ASCII.isDigit(b) || Array("_./:@%+,=-".utf8).contains(b)
    }

    // MARK: shell subset

    struct Scanner {
        let bytes: [UInt8]
        var i = 0
        var line = 1
        var lineStart = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        var column: Int { i - lineStart + 1 }
        func fail(_ reason: String) -> Failure { Failure(line: line, column: column, reason: reason) }
        func peek(_ offset: Int = 0) -> UInt8? { i + offset < bytes.count ? bytes[i + offset] : nil }

        mutating func advance() {
            if bytes[i] == 0x0A {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }

        mutating func skipBlanks() { while let b = peek(), b == 0x20 || b == 0x09 { advance() } }

        /// At a line end: LF, CRLF, or the end of input.
        mutating func atLineEnd() -> Bool {
            guard let b = peek() else { return true }
            return b == 0x0A || (b == 0x0D && peek(1) == 0x0A)
        }

        mutating func consumeLineEnd() {
            if peek() == 0x0D { advance() }
            if peek() == 0x0A { advance() }
        }

        mutating func entries() throws(Failure) -> [Entry] {
            var out: [Entry] = []
            while i < bytes.count {
                skipBlanks()
                if atLineEnd() {
                    consumeLineEnd()
                    continue
                }
                if peek() == UInt8(ascii: "#") {
                    skipToLineEnd()
                    continue
                }
                let entryLine = line
                // `export ` prefix.
                if bytes[i...].starts(with: Array("export".utf8)), let after = peek(6), after == 0x20 || after == 0x09 {
                    for _ in 0..<6 { advance() }
                    skipBlanks()
                }
                let keyStart = i
                while let b = peek(), b == UInt8(ascii: "_") || ASCII.isLetter(b) || ASCII.isDigit(b) { advance() }
                let key = Array(bytes[keyStart..<i])
                guard !key.isEmpty, peek() == UInt8(ascii: "=") else {
                    if !key.isEmpty, let b = peek(), b == 0x20 || b == 0x09 {
                        throw fail("expected '=' right after the name (a shell allows no spaces around '=')")
                    }
                    throw fail(key.isEmpty ? "expected KEY=VALUE" : "expected '=' after the name")
                }
                guard isValidKey(key) else {
                    i = keyStart
                    throw fail("a variable name must start with a letter or '_'")
                }
                advance()  // '='
                let value = try word()
                // After the word: blanks, then a comment or the line end.
                let sawBlank = peek() == 0x20 || peek() == 0x09
                skipBlanks()
                if peek() == UInt8(ascii: "#"), sawBlank {
                    skipToLineEnd()
                } else if !atLineEnd() {
                    throw fail(
                        sawBlank
                            ? "unexpected text after the value (a shell would run it as a command; quote the value)"
                            : "this character is special to a shell; quote the value")
                }
                consumeLineEnd()
                out.append(Entry(key: String(decoding: key, as: UTF8.self), value: value, line: entryLine))
            }
            return out
        }

        mutating func skipToLineEnd() {
            while !atLineEnd() { advance() }
            consumeLineEnd()
        }

        /// One shell word: a sequence of unquoted, single- and double-quoted segments.
        mutating func word() throws(Failure) -> String {
            var value: [UInt8] = []
            while let b = peek() {
                switch b {
                case UInt8(ascii: "'"):
                    let (startLine, startColumn) = (line, column)
                    advance()
                    while let c = peek(), c != UInt8(ascii: "'") {
                        if c == 0x0D, peek(1) == 0x0A {
                            advance()
                            continue
                        }  // CRLF inside quotes → LF
                        value.append(c)
                        advance()
                    }
                    guard peek() != nil else {
                        throw Failure(line: startLine, column: startColumn, reason: "unterminated single-quoted value")
                    }
                    advance()
                case UInt8(ascii: "\""):
                    let (startLine, startColumn) = (line, column)
                    advance()
                    while true {
                        guard let c = peek() else {
                            throw Failure(line: startLine, column: startColumn, reason: "unterminated double-quoted value")
                        }
                        if c == UInt8(ascii: "\"") {
                            advance()
                            break
                        }
                        if c == UInt8(ascii: "$") {
                            throw fail(
                                peek(1) == UInt8(ascii: "(")
                                    ? "'$(' is command substitution in a shell: not accepted"
                                    : "'$' would be expanded by a shell: escape it as \\$ or use single quotes")
                        }
                        if c == UInt8(ascii: "`") { throw fail("a backtick would run a command in a shell: escape it as \\`") }
                        if c == UInt8(ascii: "\\"), let next = peek(1) {
                            if [UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "$"), UInt8(ascii: "`")].contains(next) {
                                advance()
                                value.append(next)
                                advance()
                                continue
                            }
                            if next == 0x0A {
                                advance()
                                advance()
                                continue
                            }  // line continuation
                            if next == 0x0D, peek(2) == 0x0A {
                                advance()
                                advance()
                                advance()
                                continue
                            }
                            value.append(c)
                            advance()
                            continue  // a literal backslash
                        }
                        if c == 0x0D, peek(1) == 0x0A {
                            advance()
                            continue
                        }
                        value.append(c)
                        advance()
                    }
                case UInt8(ascii: "$"):
                    throw fail(
                        peek(1) == UInt8(ascii: "(")
                            ? "'$(' is command substitution in a shell: not accepted"
                            : "'$' would be expanded by a shell: escape it as \\$ or use single quotes")
                case UInt8(ascii: "`"):
                    throw fail("a backtick would run a command in a shell: not accepted")
                case let c where isSafeUnquoted(c):
                    value.append(c)
                    advance()
                default:
                    return String(decoding: value, as: UTF8.self)
                }
            }
            return String(decoding: value, as: UTF8.self)
        }
    }
}
