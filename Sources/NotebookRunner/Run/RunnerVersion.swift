/// nbrunner's version, printed by `nbrunner --version` and recorded in every result.
package enum RunnerVersion {
    package static let current = "0.1.0"
}
