/// The result's `validation` object: the effective policy and where each setting came from,
/// whether the executed notebook passed it, the cells that failed it with their reasons, and
/// findings that do not fail the run (silent failures outside strict mode, errors a
/// `raises-exception` tag allowed).
public struct ValidationReport: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable {
        case passed, failed
        /// No executed notebook to judge (the run ended before papermill wrote one).
        case notChecked = "not_checked"
    }

    public enum Kind: String, Codable, Sendable, Comparable {
        /// An error output in a cell tagged `raises-exception`.
        case allowedError = "allowed_error"
        /// A printed traceback in a cell that did not raise.
        case silentFailure = "silent_failure"
        /// A Python warning in the cell's stderr.
        case warning
        /// Any text on the cell's stderr.
        case stderr

        /// Within one cell, the first kind decides the cell's category.
        static let order: [Kind] = [.allowedError, .silentFailure, .warning, .stderr]
        public static func < (a: Kind, b: Kind) -> Bool { order.firstIndex(of: a)! < order.firstIndex(of: b)! }
    }

    public struct Finding: Codable, Sendable, Equatable {
        public var kind: Kind
        /// What was found, e.g. `wrote to stderr: …`; the quoted text is clipped.
        public var message: String
        public init(kind: Kind, message: String) {
            self.kind = kind
            self.message = message
        }
    }

    public struct OffendingCell: Codable, Sendable, Equatable {
        /// The index in the source notebook.
        public var cellIndex: Int
        public var executionCount: Int?
        /// The category the cell fails with (its first reason's).
        public var category: ErrorCategory
        public var reasons: [Finding]
    }

    public struct Warning: Codable, Sendable, Equatable {
        public var cellIndex: Int
        public var kind: Kind
        public var message: String
    }

    public var policy: ValidationPolicy
    public var status: Status
    public var offendingCells: [OffendingCell]
    public var warnings: [Warning]

    public init(policy: ValidationPolicy, status: Status = .notChecked, offendingCells: [OffendingCell] = [],
                warnings: [Warning] = []) {
        self.policy = policy
        self.status = status
        self.offendingCells = offendingCells
        self.warnings = warnings
    }
}
