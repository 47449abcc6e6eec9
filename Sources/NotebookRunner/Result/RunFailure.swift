/// The one error type every pipeline stage throws: a category and a one-line message that never
/// contains a secret value. The outcome stage turns it into the result JSON and the exit code.
public struct RunFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var category: ErrorCategory
    public var message: String

    public init(_ category: ErrorCategory, _ message: String) {
        self.category = category
        self.message = message
    }

    public var description: String { message }
}
