/// The Kubernetes manifests in a Markdown page: every fenced ```yaml (or ```yml) block that has
/// `apiVersion:` and `kind:` at the start of a line. Blocks indented under a list item are
/// de-indented by the fence's indentation. Fragments (a `spec:` or `metadata:` excerpt without
/// both keys) are left out: they are not whole objects.
struct ManifestBlocks {
    struct Block {
        /// The 1-based line of the opening fence.
        var line: Int
        var text: String
    }

    var blocks: [Block] = []

    init(markdown: String) {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var i = 0
        while i < lines.count {
            let line = lines[i]
            let trimmed = line.drop { $0 == " " }
            let indent = line.count - trimmed.count
            let fenceChar: Character? = trimmed.hasPrefix("```") ? "`" : trimmed.hasPrefix("~~~") ? "~" : nil
            guard let fenceChar else {
                i += 1
                continue
            }
            let fence = String(trimmed.prefix { $0 == fenceChar })
            let info = trimmed.dropFirst(fence.count).drop { $0 == " " }.lowercased()
            var body: [String] = []
            var j = i + 1
            while j < lines.count {
                let candidate = lines[j].drop { $0 == " " }
                if candidate.hasPrefix(fence), candidate.allSatisfy({ $0 == fenceChar || $0 == " " }) { break }
                var content = Substring(lines[j])
                var removed = 0
                while removed < indent, content.first == " " {
                    content = content.dropFirst()
                    removed += 1
                }
                body.append(String(content))
                j += 1
            }
            let language = info.split(separator: " ").first.map(String.init) ?? ""
            if language == "yaml" || language == "yml",
                body.contains(where: { $0.hasPrefix("apiVersion:") }), body.contains(where: { $0.hasPrefix("kind:") })
            {
                blocks.append(Block(line: i + 1, text: body.joined(separator: "\n") + "\n"))
            }
            i = j + 1
        }
    }
}
