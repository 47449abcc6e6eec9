/// Text made safe for XML 1.0: markup characters escaped, and characters XML 1.0 cannot carry
/// at all (most control characters, U+FFFE, U+FFFF) replaced by U+FFFD, so that any notebook
/// output gives a well-formed report.
package enum XMLText {
    /// For element content: `&`, `<`, `>` escaped; `\r` as `&#13;` (a parser would turn a raw
    /// one into `\n`); tab and newline kept.
    package static func content(_ text: String) -> String { escape(text, attribute: false) }

    /// For a double-quoted attribute value: also `"`, `'`, and tab, newline and carriage return
    /// as character references (a parser would turn raw ones into spaces).
    package static func attribute(_ text: String) -> String { escape(text, attribute: true) }

    static func escape(_ text: String, attribute: Bool) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "'" where attribute: out += "&apos;"
            case "\n": out += attribute ? "&#10;" : "\n"
            case "\t": out += attribute ? "&#9;" : "\t"
            case "\r": out += "&#13;"
            default:
                if isAllowed(scalar) { out.unicodeScalars.append(scalar) } else { out += "\u{FFFD}" }
            }
        }
        return out
    }

    /// XML 1.0 `Char`: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }
}
