import FoundationEssentials

@testable import NotebookRunner

#if canImport(Glibc)
    import Glibc
#endif

/// Any JSON value, to check that bytes parse as JSON without assuming a shape.
indirect enum JSONValue: Decodable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() {
            self = .null
        } else if let b = try? c.decode(Bool.self) {
            self = .bool(b)
        } else if let n = try? c.decode(Double.self) {
            self = .number(n)
        } else if let s = try? c.decode(String.self) {
            self = .string(s)
        } else if let a = try? c.decode([JSONValue].self) {
            self = .array(a)
        } else {
            self = .object(try c.decode([String: JSONValue].self))
        }
    }

    static func parse(_ bytes: [UInt8]) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(bytes))
    }

    subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }
}

func cell(
    _ type: CellType = .code, _ source: String = "x = 1", count: Int? = nil, tags: [String] = [],
    outputs: [NotebookDocument.Output] = []
) -> NotebookDocument.Cell {
    NotebookDocument.Cell(cellType: type, source: source, executionCount: count, tags: tags, outputs: outputs)
}

func document(_ cells: [NotebookDocument.Cell]) -> NotebookDocument {
    NotebookDocument(nbformat: 4, metadata: .init(), cells: cells)
}

func errorOutput(_ ename: String, _ evalue: String, traceback: [String] = []) -> NotebookDocument.Output {
    NotebookDocument.Output(outputType: "error", ename: ename, evalue: evalue, traceback: traceback)
}

func temporaryDirectory() -> String {
    var template = Array("/tmp/nbrunner-unit-XXXXXX".utf8CString)
    return template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
}

func writeFile(_ path: String, _ text: String) {
    try! Data(text.utf8).write(to: URL(filePath: path))
}
