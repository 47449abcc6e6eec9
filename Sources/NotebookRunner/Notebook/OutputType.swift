/// nbformat's `output_type`. Anything else (a newer or broken notebook) is `.other`: kept, never
/// read.
package enum OutputType: Sendable, Hashable, Codable, RawRepresentable, ExpressibleByStringLiteral, CustomStringConvertible {
    case stream
    case displayData
    case executeResult
    case error
    case updateDisplayData
    case other(String)

    package init(rawValue: String) {
        switch rawValue {
        case "stream": self = .stream
        case "display_data": self = .displayData
        case "execute_result": self = .executeResult
        case "error": self = .error
        case "update_display_data": self = .updateDisplayData
        default: self = .other(rawValue)
        }
    }

    package init(stringLiteral value: String) { self.init(rawValue: value) }

    package var rawValue: String {
        switch self {
        case .stream: "stream"
        case .displayData: "display_data"
        case .executeResult: "execute_result"
        case .error: "error"
        case .updateDisplayData: "update_display_data"
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
