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
        /// A credential written into the cell's source (``CredentialScan``).
        case hardcodedCredential = "hardcoded_credential"

        /// Within one cell, the first kind decides the cell's category.
        static let order: [Kind] = [.allowedError, .silentFailure, .warning, .stderr, .hardcodedCredential]
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

    /// The most offending cells, and the most warnings, the result lists.
    public static let maxListed = 100

    public var policy: ValidationPolicy
    public var status: Status
    /// The first ``maxListed`` cells that fail a policy, in source order.
    public var offendingCells: [OffendingCell]
    /// How many more cells fail a policy than are listed; nil when all are.
    public var offendingCellsOmitted: Int?
    /// The first ``maxListed`` warnings, in source order.
    public var warnings: [Warning]
    /// How many more warnings there are than are listed; nil when all are.
    public var warningsOmitted: Int?
    /// The offending cells past the listed ones: not in the result JSON, which stays bounded,
    /// but still marked failed in its `cells` (``ValidationVerdict``) and failures of their
    /// JUnit cases.
    public var unlistedOffendingCells: [OffendingCell] = []

    /// How many cells fail a policy, listed or not.
    public var offendingCellCount: Int { offendingCells.count + (offendingCellsOmitted ?? 0) }

    /// - Parameters: offendingCells, warnings: all of them; the first ``maxListed`` of each are listed.
    public init(
        policy: ValidationPolicy, status: Status = .notChecked, offendingCells: [OffendingCell] = [],
        warnings: [Warning] = []
    ) {
        self.policy = policy
        self.status = status
        self.offendingCells = Array(offendingCells.prefix(Self.maxListed))
        self.unlistedOffendingCells = Array(offendingCells.dropFirst(Self.maxListed))
        self.offendingCellsOmitted = unlistedOffendingCells.isEmpty ? nil : unlistedOffendingCells.count
        self.warnings = Array(warnings.prefix(Self.maxListed))
        self.warningsOmitted = warnings.count > Self.maxListed ? warnings.count - Self.maxListed : nil
    }

    enum CodingKeys: String, CodingKey {
        case policy, status, offendingCells, offendingCellsOmitted, warnings, warningsOmitted
    }
}
