/// An enumeration of nbformat's string values that keeps an unknown one (`.other`) instead of
/// refusing it: a non-failable `init(rawValue:)` gives it string literals, a description and
/// its JSON form (a plain string).
package protocol OpenStringEnum: RawRepresentable, Sendable, Hashable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
where RawValue == String {
    init(rawValue: String)
}

extension OpenStringEnum {
    package init(stringLiteral value: String) { self.init(rawValue: value) }

    package var description: String { rawValue }

    package init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
