/// Removes terminal escape sequences (IPython colours its tracebacks).
package enum ANSIText {
    package static func strip(_ text: String) -> String {
        guard text.utf8.contains(0x1B) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x1B, i + 1 < bytes.count {
                if bytes[i + 1] == UInt8(ascii: "[") {  // CSI: ESC [ params final(0x40-0x7E)
                    var j = i + 2
                    while j < bytes.count, !(0x40...0x7E).contains(bytes[j]) { j += 1 }
                    i = j + 1
                    continue
                }
                if bytes[i + 1] == UInt8(ascii: "]") {  // OSC: ESC ] ... BEL or ESC \
                    var j = i + 2
                    while j < bytes.count, bytes[j] != 0x07, !(bytes[j] == 0x1B && j + 1 < bytes.count && bytes[j + 1] == UInt8(ascii: "\\")) { j += 1 }
                    i = j < bytes.count && bytes[j] == 0x07 ? j + 1 : j + 2
                    continue
                }
                i += 2
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
