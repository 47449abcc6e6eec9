extension NotebookReader {
    /// How much of a notebook's outputs is decoded. A run reads notebooks of hundreds of
    /// megabytes: what nobody needs is not even decoded.
    package enum Mode: Sendable, Equatable {
        /// Cells and metadata; text outputs are not scanned (the source notebook).
        case source
        /// Text outputs scanned (``OutputScan``) as far as the validation policies need (the
        /// executed notebook without `--golden`).
        case scanned(OutputScan.Needs)
        /// Whole output texts, data digests and result counts, everything scanned (the golden
        /// notebook, and the executed one for a golden comparison).
        case full

        /// The executed notebook's mode: what `policy` needs, or everything for a golden comparison.
        package static func executed(policy: ValidationPolicy, golden: Bool) -> Mode {
            golden ? .full : .scanned(OutputScan.Needs(policy: policy))
        }

        package var isFull: Bool { self == .full }

        /// What text outputs are scanned for.
        package var needs: OutputScan.Needs {
            switch self {
            case .source: .nothing
            case .scanned(let needs): needs
            case .full: .all
            }
        }

        /// The decoder `userInfo` key the mode travels under to ``NotebookDocument/Output``.
        static let key = CodingUserInfoKey(rawValue: "nbrunner.readMode")!
    }
}
