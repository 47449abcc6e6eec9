/// The `--golden-ignore` regular expressions (Swift `Regex` syntax, close to PCRE), applied
/// line by line to both sides: every match becomes `[IGNORED]`.
struct IgnorePatterns {
    let regexes: [Regex<AnyRegexOutput>]
    static let replacement = "[IGNORED]"

    /// `patterns` were checked by ``problem(_:)`` when the configuration was made.
    init(_ patterns: [String]) {
        regexes = patterns.compactMap { try? Regex($0) }
    }

    var isEmpty: Bool { regexes.isEmpty }

    /// Why `pattern` cannot be used, or nil.
    static func problem(_ pattern: String) -> String? {
        if pattern.isEmpty { return "the pattern is empty" }
        do {
            let regex = try Regex(pattern)
            if (try? regex.wholeMatch(in: "")) != nil { return "it matches the empty string" }
            return nil
        } catch {
            let text = "\(error)".split(separator: "\n").first.map(String.init) ?? "\(error)"
            return TextClip.clip(text, maxBytes: 200)
        }
    }

    func apply(_ line: String) -> String {
        var out = line
        for regex in regexes { out = out.replacing(regex, with: Self.replacement) }
        return out
    }
}
