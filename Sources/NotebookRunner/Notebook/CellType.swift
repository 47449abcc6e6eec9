/// nbformat's `cell_type`. A notebook may carry a type nbformat does not define (nbrunner does
/// not reject what papermill accepts): it is kept as `.other` and treated like markdown, never
/// executed.
package enum CellType: Sendable, Hashable, Codable, RawRepresentable, ExpressibleByStringLiteral, CustomStringConvertible {
    case code
    case markdown
    case raw
    case other(String)

    package init(rawValue: String) {
        switch rawValue {
        case "code": self = .code
        case "markdown": self = .markdown
        case "raw": self = .raw
        default: self = .other(rawValue)
        }
    }

    package init(stringLiteral value: String) { self.init(rawValue: value) }

    package var rawValue: String {
        switch self {
        case .code: "code"
        case .markdown: "markdown"
        case .raw: "raw"
        case .other(let name): name
        }
    }

    package var description: String { rawValue }

    package init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
