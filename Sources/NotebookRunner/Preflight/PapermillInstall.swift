import FoundationEssentials

/// Finds papermill exactly as `import papermill` would, without importing it: the first
/// `sys.path` entry holding a `papermill/__init__.py`, and the version from the
/// `papermill-*.dist-info/METADATA` next to it.
package struct PapermillInstall: Sendable, Equatable {
    package var location: String
    /// nil when the package has no dist-info (e.g. a source checkout on PYTHONPATH).
    package var version: String?
}
