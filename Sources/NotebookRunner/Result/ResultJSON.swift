import FoundationEssentials

/// The JSON encoding every writer uses: snake_case keys, sorted, no escaped slashes; one line
/// for the result file and the termination message, indented for the summary block.
package enum ResultJSON {
    package static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.keyEncodingStrategy = .convertToSnakeCase
        e.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        return e
    }

    package static func decoder() -> JSONDecoder {
        let d = JSONDecoder()
        d.keyDecodingStrategy = .convertFromSnakeCase
        return d
    }

    package static func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        Array(try encoder().encode(value))
    }

    /// One value per line, indented (the `Results Summary:` block).
    package static func encodeIndented<T: Encodable>(_ value: T) throws -> [UInt8] {
        let e = encoder()
        e.outputFormatting.insert(.prettyPrinted)
        return Array(try e.encode(value))
    }
}
