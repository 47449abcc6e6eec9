/// The one error type every pipeline stage throws: a category and a one-line message that never
/// contains a secret value. The outcome stage turns it into the result JSON and the exit code.
package struct RunFailure: Error, Sendable, Equatable, CustomStringConvertible {
    package var category: ErrorCategory
    package var message: String

    package init(_ category: ErrorCategory, _ message: String) {
        self.category = category
        self.message = message
    }

    package var description: String { message }
}
