import FoundationEssentials

/// The JSON encoding every writer uses: snake_case keys, sorted, no escaped slashes; one line
/// for the result file and the termination message, indented for the summary block.
public enum ResultJSON {
    public static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.keyEncodingStrategy = .convertToSnakeCase
        e.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return e
    }

    public static func decoder() -> JSONDecoder {
        let d = JSONDecoder()
        d.keyDecodingStrategy = .convertFromSnakeCase
        return d
    }

    public static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        Array(try encoder().encode(value))
    }

    /// One value per line, indented (the `Results Summary:` block).
    public static func encodeIndented<T: Encodable>(_ value: T) throws -> [UInt8] {
        let e = encoder()
        e.outputFormatting.insert(.prettyPrinted)
        return Array(try e.encode(value))
    }
}
