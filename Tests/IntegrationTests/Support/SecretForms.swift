import FoundationEssentials

/// The forms of a secret the redactor masks (docs/secrets.md, "Which forms") that a test looks
/// for in what nbrunner writes: verbatim, `\u`-escaped (json.dumps' ensure_ascii), HTML-escaped
/// (pandas' to_html, and html.escape's quotes), and a visible start of 12 characters or more
/// before `...`/`…` (a library's truncation). `Finished.leaks` adds the JSON-escaped form of each.
enum SecretForms {
    static func of(_ secret: String) -> [String] {
        var ascii = ""
        for scalar in secret.unicodeScalars {
            ascii += scalar.isASCII ? String(scalar) : "\\u" + String(scalar.value, radix: 16).leftPadded(4)
        }
        let html = secret.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;")
        let quoted = html.replacing("\"", with: "&quot;").replacing("'", with: "&#x27;")
        var forms = [secret, ascii, html, quoted]
        if secret.count > 12 { forms += [String(secret.prefix(12)) + "...", String(secret.prefix(12)) + "…"] }
        return Array(Set(forms)).sorted()
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
