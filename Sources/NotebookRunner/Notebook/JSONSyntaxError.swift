/// Locates the first JSON syntax error (FoundationEssentials' decoder says only "not valid
/// JSON"). Used only after decoding failed, so speed does not matter; it reports
/// `line:column: reason` in the style of a compiler, 1-based.
package struct JSONSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    package var line: Int
    package var column: Int
    package var reason: String

    package var description: String { "\(line):\(column): \(reason)" }

    package static func find(in bytes: [UInt8]) -> JSONSyntaxError? {
        var scanner = Scanner(bytes: bytes)
        do throws(JSONSyntaxError) {
            scanner.skipSpace()
            if scanner.atEnd { throw scanner.fail("empty file") }
            try scanner.value(depth: 0)
            scanner.skipSpace()
            if !scanner.atEnd { throw scanner.fail("unexpected text after the end of the JSON document") }
            return nil
        } catch {
            return error
        }
    }

    struct Scanner {
        let bytes: [UInt8]
        var i = 0
        init(bytes: [UInt8]) {
            self.bytes = bytes
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }
        }
        var atEnd: Bool { i >= bytes.count }

        func fail(_ reason: String) -> JSONSyntaxError {
            var line = 1
            var column = 1
            for b in bytes[..<min(i, bytes.count)] {
                if b == 0x0A {
                    line += 1
                    column = 1
                } else if b & 0xC0 != 0x80 {
                    column += 1
                }
            }
            return JSONSyntaxError(line: line, column: column, reason: reason)
        }

        mutating func skipSpace() {
            while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
        }

        mutating func expect(_ c: UInt8, _ what: String) throws(JSONSyntaxError) {
            skipSpace()
            guard i < bytes.count else { throw fail("unexpected end of file, expected \(what)") }
            guard bytes[i] == c else { throw fail("expected \(what), found \(found())") }
            i += 1
        }

        func found() -> String {
            guard i < bytes.count else { return "end of file" }
            let b = bytes[i]
            return b >= 0x20 && b < 0x7F ? "'\(Character(UnicodeScalar(b)))'" : String(format2: b)
        }

        mutating func value(depth: Int) throws(JSONSyntaxError) {
            guard depth < 512 else { throw fail("nesting too deep") }
            skipSpace()
            guard i < bytes.count else { throw fail("unexpected end of file, expected a value") }
            switch bytes[i] {
            case UInt8(ascii: "{"):
                i += 1
                skipSpace()
                if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
                    i += 1
                    return
                }
                while true {
                    skipSpace()
                    guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
                        throw fail(atEnd ? "unexpected end of file, expected a key" : "expected a quoted key, found \(found())")
                    }
                    try string()
                    try expect(UInt8(ascii: ":"), "':'")
                    try value(depth: depth + 1)
                    skipSpace()
                    guard i < bytes.count else { throw fail("unexpected end of file, expected ',' or '}'") }
                    if bytes[i] == UInt8(ascii: ",") {
                        i += 1
                        continue
                    }
                    if bytes[i] == UInt8(ascii: "}") {
                        i += 1
                        return
                    }
                    throw fail("expected ',' or '}', found \(found())")
                }
            case UInt8(ascii: "["):
                i += 1
                skipSpace()
                if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
                    i += 1
                    return
                }
                while true {
                    try value(depth: depth + 1)
                    skipSpace()
                    guard i < bytes.count else { throw fail("unexpected end of file, expected ',' or ']'") }
                    if bytes[i] == UInt8(ascii: ",") {
                        i += 1
                        continue
                    }
                    if bytes[i] == UInt8(ascii: "]") {
                        i += 1
                        return
                    }
                    throw fail("expected ',' or ']', found \(found())")
                }
            case UInt8(ascii: "\""):
                try string()
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                try number()
            default:
                throw fail("expected a value, found \(found())")
            }
        }

        mutating func string() throws(JSONSyntaxError) {
            i += 1  // opening quote
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: "\"") {
                    i += 1
                    return
                }
                if b < 0x20 { throw fail("control character in a string (a raw newline or tab must be escaped)") }
                if b == UInt8(ascii: "\\") {
                    i += 1
                    guard i < bytes.count else { break }
                    if bytes[i] == UInt8(ascii: "u") {
                        for _ in 0..<4 {
                            i += 1
                            guard i < bytes.count, ASCII.isHex(bytes[i]) else { throw fail("invalid \\u escape") }
                        }
                    } else if !Array("\"\\/bfnrt".utf8).contains(bytes[i]) {
                        throw fail("invalid escape sequence")
                    }
                }
                i += 1
            }
            throw fail("unexpected end of file inside a string")
        }

        mutating func literal(_ word: String) throws(JSONSyntaxError) {
            let w = Array(word.utf8)
            guard bytes.count - i >= w.count, Array(bytes[i..<(i + w.count)]) == w else {
                throw fail("expected a value, found \(found())")
            }
            i += w.count
        }

        mutating func number() throws(JSONSyntaxError) {
            let start = i
            if bytes[i] == UInt8(ascii: "-") { i += 1 }
            var digits = 0
            while i < bytes.count, ASCII.isDigit(bytes[i]) {
                i += 1
                digits += 1
            }
            if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
                i += 1
                while i < bytes.count, ASCII.isDigit(bytes[i]) {
                    i += 1
                    digits += 1
                }
            }
            if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
                i += 1
                if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
                while i < bytes.count, ASCII.isDigit(bytes[i]) { i += 1 }
            }
            if digits == 0 {
                i = start
                throw fail("invalid number")
            }
        }
    }
}

extension String {
    fileprivate init(format2 byte: UInt8) {
        let hex = Array("0123456789ABCDEF")
        self = "byte 0x" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0xF)])
    }
}
