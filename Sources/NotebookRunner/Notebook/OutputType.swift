/// nbformat's `output_type`. Anything else (a newer or broken notebook) is `.other`: kept, never
/// read.
package enum OutputType: OpenStringEnum {
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
}
