/// One `-p`/`-r` parameter.
package struct Parameter: Sendable, Equatable {
    package var name: String
    package var value: String
    package init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
