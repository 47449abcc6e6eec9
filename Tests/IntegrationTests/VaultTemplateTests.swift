import FoundationEssentials
import NotebookRunner
import Testing

/// The Vault Agent templates of docs/secrets.md#vault-agent-injector-a-complete-job render a file
/// that nbrunner's parser reads back as the exact value, whatever the value holds: `$`, quotes,
/// backslashes, `#`, backticks, newlines. The template functions are emulated as consul-template
/// defines them: `replaceAll "'" "'\"'\"'"` is strings.Replace(value, "'", `'"'"'`, -1), and
/// `toJSON` is Go's json.Marshal (which also writes <, > and & as \u003c, \u003e, \u0026).
/// The `export` form is also sourced by bash, which must read the same value.
@Suite struct VaultTemplateTests {
    static let values = [
        "Pa$$w0rd", "a\"b\"c", "x\\$y", "ends with a backslash\\", "it's", "'", "''", "#not a comment",
        "a #b", "`id`", "$(id)", "${HOME}", "two\nlines", "tab\there", "ünïcödé ✓", "<tag>&amp;", "", " spaced ",
        "semi;colon|pipe&amp", "~/x", "*?[]{}", "!bang", "back\\slash\\n",
    ]

    /// `export KEY='{{ .Data.KEY | replaceAll "'" "'\"'\"'" }}'`
    static func exportLine(_ key: String, _ value: String) -> String {
        "export \(key)='\(value.replacing("'", with: "'\"'\"'"))'\n"
    }

    /// `{"KEY": {{ .Data.KEY | toJSON }}, …}`
    static func jsonFile(_ pairs: [(String, String)]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let members = try pairs.map { key, value in
            var quoted = String(decoding: try encoder.encode(value), as: UTF8.self)
            quoted = quoted.replacing("<", with: "\\u003c").replacing(">", with: "\\u003e").replacing("&", with: "\\u0026")
            return "\"\(key)\": \(quoted)"
        }
        return "{" + members.joined(separator: ", ") + "}\n"
    }

    @Test func theExportTemplateKeepsEveryValue() async throws {
        let keys = Self.values.indices.map { "V\($0)" }
        let file = zip(keys, Self.values).map { Self.exportLine($0, $1) }.joined()
        let entries = try EnvFileParser.parse(Array(file.utf8))
        #expect(entries.map(\.key) == keys)
        for (entry, value) in zip(entries, Self.values) {
            #expect(entry.value == value, "\(entry.key)")
        }

        // A shell reads the same file the same way.
        let dir = temporaryDirectory()
        try Data(file.utf8).write(to: URL(filePath: "\(dir)/db"))
        for (key, value) in zip(keys, Self.values) {
            let (code, output) = try await DocsTools.run("/bin/bash", ["-c", "set -a; . \"$1\"; printf '%s' \"$\(key)\"", "bash", "\(dir)/db"])
            #expect(code == 0)
            #expect(output == value, "\(key): bash read \(output.debugDescription)")
        }
    }

    @Test func theJSONTemplateKeepsEveryValue() throws {
        let pairs = Self.values.indices.map { ("V\($0)", Self.values[$0]) }
        let entries = try EnvFileParser.parse(Array(try Self.jsonFile(pairs).utf8))
        let loaded = Dictionary(uniqueKeysWithValues: entries.map { ($0.key, $0.value) })
        for (key, value) in pairs {
            #expect(loaded[key] == value, "\(key)")
        }
    }

    /// The seed's template (values straight into double quotes) is what the page warns about:
    /// rejected for a `$`, and silently another value for a `"`.
    @Test func theSeedTemplateBreaks() throws {
        #expect(throws: EnvFileParser.Failure.self) {
            try EnvFileParser.parse(Array("export DB_PASSWORD=\"Pa$$w0rd\"\n".utf8))
        }
        let entries = try EnvFileParser.parse(Array("export DB_PASSWORD=\"a\"b\"c\"\n".utf8))
        #expect(entries.first?.value == "abc")
    }
}
