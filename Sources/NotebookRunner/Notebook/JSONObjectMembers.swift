import FoundationEssentials

/// The members of one JSON object as they are written in the file: each key (decoded), where it
/// starts, and the bytes of its value, in file order, duplicates included. For what a decoder
/// hides: a key given twice, or whether a number was written as an integer (`4`, not `4.0`).
/// The input must already be valid JSON (``JSONSyntaxError/find(in:)`` returned nil).
package enum JSONObjectMembers {
    package struct Member: Sendable, Equatable {
        package var key: String
        /// Where the key's opening quote is: 1-based line and column.
        package var line: Int
        package var column: Int
        /// The value's bytes in the input.
        package var value: Range<Int>
    }

    /// The members of the object whose `{` is the first non-blank byte at or after `start`;
    /// empty when there is no object there.
    package static func of(_ bytes: [UInt8], from start: Int = 0) -> [Member] {
        var s = JSONSyntaxError.Scanner(bytes: bytes)
        s.i = max(s.i, start)
        var out: [Member] = []
        do throws(JSONSyntaxError) {
            s.skipSpace()
            guard !s.atEnd, bytes[s.i] == UInt8(ascii: "{") else { return [] }
            s.i += 1
            s.skipSpace()
            while !s.atEnd, bytes[s.i] == UInt8(ascii: "\"") {
                let keyStart = s.i
                let at = s.fail("")
                try s.string()
                let literal = Data([UInt8(ascii: "[")] + bytes[keyStart..<s.i] + [UInt8(ascii: "]")])
                let key = (try? JSONDecoder().decode([String].self, from: literal))?.first ?? ""
                try s.expect(UInt8(ascii: ":"), "':'")
                s.skipSpace()
                let valueStart = s.i
                try s.value(depth: 1)
                out.append(Member(key: key, line: at.line, column: at.column, value: valueStart..<s.i))
                s.skipSpace()
                guard !s.atEnd, bytes[s.i] == UInt8(ascii: ",") else { break }
                s.i += 1
                s.skipSpace()
            }
        } catch {
            return out
        }
        return out
    }

    /// Whether `value` is written as a JSON integer: an optional minus and digits only.
    package static func isIntegerLiteral(_ bytes: [UInt8], _ value: Range<Int>) -> Bool {
        var digits = bytes[value]
        if digits.first == UInt8(ascii: "-") { digits = digits.dropFirst() }
        return !digits.isEmpty && digits.allSatisfy { (0x30...0x39).contains($0) }
    }
}
