/// nbformat's `cell_type`. A notebook may carry a type nbformat does not define (nbrunner does
/// not reject what papermill accepts): it is kept as `.other` and treated like markdown, never
/// executed.
package enum CellType: OpenStringEnum {
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

    package var rawValue: String {
        switch self {
        case .code: "code"
        case .markdown: "markdown"
        case .raw: "raw"
        case .other(let name): name
        }
    }
}
