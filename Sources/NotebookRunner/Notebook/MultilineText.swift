/// nbformat's "multiline string": a string or a list of strings to concatenate.
struct MultilineText: Decodable {
    var text: String
    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let s = try? c.decode(String.self) {
            text = s
        } else {
            text = try c.decode([String].self).joined()
        }
    }
}
