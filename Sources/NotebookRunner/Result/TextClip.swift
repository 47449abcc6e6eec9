/// Shortening text to a byte budget without splitting a UTF-8 character.
package enum TextClip {
    /// `text` cut so that its UTF-8 form, including the `…` marker, is at most `maxBytes` bytes.
    package static func clip(_ text: String, maxBytes: Int) -> String {
        if text.utf8.count <= maxBytes { return text }
        let marker = "…"
        let room = maxBytes - marker.utf8.count
        guard room > 0 else { return "" }
        var used = 0
        var end = text.startIndex
        for scalarIndex in text.unicodeScalars.indices {
            let size = UTF8.width(text.unicodeScalars[scalarIndex])
            if used + size > room { break }
            used += size
            end = text.unicodeScalars.index(after: scalarIndex)
        }
        return String(text.unicodeScalars[..<end]) + marker
    }

    /// The first line of `text`, clipped.
    package static func firstLine(_ text: String, maxBytes: Int) -> String {
        let line =
            text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).first
            .map(String.init) ?? ""
        return clip(line, maxBytes: maxBytes)
    }
}
