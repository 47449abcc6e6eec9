/// Finds credentials written into a notebook's code cells, before any kernel starts (the
/// credentials guide's `grep -r "AKIA"` and `grep -r "password.*="`, done properly): well-known
/// token formats, and string literals assigned to credential-like names. Each finding names
/// the cell, the line and the kind, never the value; the value goes to the redactor.
package enum CredentialScan {
    package struct Finding: Sendable, Equatable {
        /// The index in the source notebook.
        package var cellIndex: Int
        /// 1-based, within the cell's source.
        package var line: Int
        package var kind: String
        /// The credential itself: only for the redactor, never written.
        var value: String

        /// `cell 3, line 2: aws_access_key_id`.
        package var description: String { "cell \(cellIndex), line \(line): \(kind)" }
    }

    /// The token formats, each with the kind it reports. The capture named `v` is the value.
    nonisolated(unsafe) static let formats: [(kind: String, regex: Regex<AnyRegexOutput>)] = [
        ("aws_access_key_id", #"(?:^|[^A-Z0-9])(?<v>(?:AKIA|ASIA)[A-Z0-9]{16})(?![A-Z0-9])"#),
        ("openai_api_key", #"(?:^|[^A-Za-z0-9_-])(?<v>sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,})"#),
        ("huggingface_token", #"(?:^|[^A-Za-z0-9_])(?<v>hf_[A-Za-z0-9]{30,})"#),
        ("github_token", #"(?:^|[^A-Za-z0-9_])(?<v>(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,}))"#),
        ("slack_token", #"(?:^|[^A-Za-z0-9_])(?<v>xox[abposr]-[A-Za-z0-9-]{10,})"#),
        ("google_api_key", #"(?:^|[^A-Za-z0-9_])(?<v>AIza[0-9A-Za-z_-]{35})"#),
        ("azure_account_key", #"(?i:AccountKey)=(?<v>[A-Za-z0-9+/]{20,}={0,2})"#),
        ("url_password", #"[A-Za-z][A-Za-z0-9+.-]*://[^/\s:@'"]+:(?<v>[^/\s@'"]+)@"#),
    ].map { ($0.0, try! Regex($0.1)) }

    /// A 40-character AWS secret access key in a quoted literal: reported when the cell also
    /// holds an access key id, or the line names a secret key.
    nonisolated(unsafe) static let awsSecret = try! Regex(#"['"](?<v>[A-Za-z0-9/+]{40})['"]"#)
    /// `name = "…"`, `name: "…"`, `"name": "…"`, `name="…"` (a keyword argument).
    nonisolated(unsafe) static let assignment = try! Regex(
        #"(?<n>[A-Za-z_][A-Za-z0-9_]*)['"]?\s*(?::|=)\s*[rbuRBU]?(?<q>['"])(?<v>[^'"\n]*)\k<q>"#)
    nonisolated(unsafe) static let privateKey = try! Regex(#"-----BEGIN (?:[A-Z]+ )*PRIVATE KEY(?: BLOCK)?-----"#)

    package static func scan(_ document: NotebookDocument) -> [Finding] {
        var findings: [Finding] = []
        for (index, cell) in document.cells.enumerated() where cell.cellType == .code {
            findings += scan(source: cell.source, cellIndex: index)
        }
        return findings
    }

    static func scan(source: String, cellIndex: Int) -> [Finding] {
        var findings: [Finding] = []
        var seen: Set<String> = []
        func add(_ line: Int, _ kind: String, _ value: Substring) {
            let v = String(value)
            guard seen.insert(v).inserted else { return }
            findings.append(Finding(cellIndex: cellIndex, line: line, kind: kind, value: v))
        }
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        var hasAccessKey = false
        for (n, line) in lines.enumerated() {
            for (kind, regex) in formats {
                for match in line.matches(of: regex) {
                    guard let v = match["v"]?.substring, !isPlaceholder(v) else { continue }
                    if kind == "aws_access_key_id" { hasAccessKey = true }
                    add(n + 1, kind, v)
                }
            }
            if line.contains(privateKey) {
                // The whole block, to the END line when there is one.
                var block = [line]
                for next in lines[(n + 1)...] {
                    block.append(next)
                    if next.contains("-----END ") { break }
                }
                add(n + 1, "private_key", Substring(block.joined(separator: "\n").drop { $0 != "-" }))
            }
        }
        for (n, line) in lines.enumerated() {
            let lower = line.lowercased()
            guard hasAccessKey || lower.contains("secret") else { continue }
            for match in line.matches(of: awsSecret) {
                guard let v = match["v"]?.substring, v.contains(where: \.isUppercase), v.contains(where: \.isLowercase) else { continue }
                add(n + 1, "aws_secret_access_key", v)
            }
        }
        // Last, so that a value of a known format keeps its specific kind.
        for (n, line) in lines.enumerated() {
            for match in line.matches(of: assignment) {
                guard let name = match["n"]?.substring, let v = match["v"]?.substring,
                    credentialName(name), !isPlaceholder(v)
                else { continue }
                add(n + 1, "credential_literal", v)
            }
        }
        return findings.sorted { ($0.line, $0.kind) < ($1.line, $1.kind) }
    }

    /// Names a literal is a credential under: `password`, `db_pass`, `pwd`, `secret`,
    /// `api_key`, `access_token`, `auth_token`, `client_secret`, `private_key`, …; not
    /// `token_type`, `max_tokens`, `tokenizer`, `password_env`, `secret_name`.
    static func credentialName(_ name: Substring) -> Bool {
        let words = name.lowercased().split(separator: "_")
        guard let last = words.last else { return false }
        if ["password", "passwd", "pwd", "pass", "secret", "token", "apikey", "passphrase", "credential", "credentials"].contains(last) {
            return true
        }
        if last == "key", words.count >= 2, ["api", "access", "secret", "private", "account", "storage", "sas"].contains(words[words.count - 2]) {
            return true
        }
        return false
    }

    /// Values that are not credentials: empty or short, templates (`{pw}`, `${PW}`, `<password>`,
    /// `%s`), masks (`***`, `xxxx`), environment variable NAMES (`DB_PASSWORD`), and values
    /// with spaces (prose).
    static func isPlaceholder(_ v: Substring) -> Bool {
        if v.count < 6 { return true }
        if v.contains(where: { "{}<>$%*".contains($0) || $0 == " " }) { return true }
        let lower = v.lowercased()
        if ["xxxx", "changeme", "your_", "your-", "placeholder", "redacted", "example.com"].contains(where: { lower.contains($0) }) { return true }
        if v.allSatisfy({ $0.isUppercase || $0.isNumber || $0 == "_" }) && v.contains("_") { return true }
        return false
    }
}
