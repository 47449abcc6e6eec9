import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#endif

/// A `/vault/secrets`-style folder for `--secrets-dir`: one file per service, in the forms the
/// Vault Agent's templates render.
enum SecretsFolder {
    /// A fresh folder holding these files (name → text), readable by any UID.
    static func make(_ files: [String: String]) throws -> String {
        let dir = temporaryDirectory()
        chmod(dir, 0o755)
        for (name, text) in files {
            try Data(text.utf8).write(to: URL(filePath: "\(dir)/\(name)"))
            chmod("\(dir)/\(name)", 0o644)
        }
        return dir
    }

    /// `export KEY="VALUE"` lines, as a Vault template renders them for `source` (`\`, `"`, `$`
    /// and `` ` `` escaped).
    static func exportLines(_ pairs: KeyValuePairs<String, String>) -> String {
        pairs.map { key, value in
            let escaped = value.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"")
                .replacing("$", with: "\\$").replacing("`", with: "\\`")
            return "export \(key)=\"\(escaped)\"\n"
        }.joined()
    }

    /// The injector's JSON template for KV v2: `{"data": {…}, "metadata": {…}}`.
    static func kv2JSON(_ pairs: KeyValuePairs<String, String>) -> String {
        let json = { (s: String) in "\"" + s.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\"" }
        let data = pairs.map { "\(json($0.key)): \(json($0.value))" }.joined(separator: ", ")
        return #"{"data": {\#(data)}, "metadata": {"version": 1}}"#
    }
}
