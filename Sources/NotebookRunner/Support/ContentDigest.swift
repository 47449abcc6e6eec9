/// A 64-bit FNV-1a digest of text: enough to tell whether two images (or other data) are the
/// same without keeping them; not a security measure.
struct ContentDigest {
    private var state: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ text: String) {
        for byte in text.utf8 {
            state ^= UInt64(byte)
            state = state &* 0x0000_0100_0000_01B3
        }
        state ^= 0xFF  // a separator, so ("ab", "c") and ("a", "bc") differ
        state = state &* 0x0000_0100_0000_01B3
    }

    var hex: String {
        let digits = String(state, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
