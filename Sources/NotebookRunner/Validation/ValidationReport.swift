/// The result's `validation` object: the effective policy and where each setting came from,
/// whether the executed notebook passed it, the cells that failed it with their reasons, and
/// findings that do not fail the run (silent failures outside strict mode, errors a
/// `raises-exception` tag allowed).
package struct ValidationReport: Codable, Sendable, Equatable {
    package enum Status: String, Codable, Sendable {
        case passed, failed
        /// No executed notebook to judge (the run ended before papermill wrote one).
        case notChecked = "not_checked"
    }

    package enum Kind: String, Codable, Sendable, Comparable {
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
        package static func < (a: Kind, b: Kind) -> Bool { order.firstIndex(of: a)! < order.firstIndex(of: b)! }
    }

    package struct Finding: Codable, Sendable, Equatable {
        package var kind: Kind
        /// What was found, e.g. `wrote to stderr: …`; the quoted text is clipped.
        package var message: String
        package init(kind: Kind, message: String) {
            self.kind = kind
            self.message = message
        }
    }

    package struct OffendingCell: Codable, Sendable, Equatable {
        /// The index in the source notebook.
        package var cellIndex: Int
        package var executionCount: Int?
        /// The category the cell fails with (its first reason's).
        package var category: ErrorCategory
        package var reasons: [Finding]
    }

    package struct Warning: Codable, Sendable, Equatable {
        package var cellIndex: Int
        package var kind: Kind
        package var message: String
    }

    /// The most offending cells, and the most warnings, the result lists.
    package static let maxListed = 100

    package var policy: ValidationPolicy
    package var status: Status
    /// The first ``maxListed`` cells that fail a policy, in source order.
    package var offendingCells: [OffendingCell]
    /// How many more cells fail a policy than are listed; nil when all are.
    package var offendingCellsOmitted: Int?
    /// The first ``maxListed`` warnings, in source order.
    package var warnings: [Warning]
    /// How many more warnings there are than are listed; nil when all are.
    package var warningsOmitted: Int?
    /// The offending cells past the listed ones: not in the result JSON, which stays bounded,
    /// but still marked failed in its `cells` (``ValidationVerdict``) and failures of their
    /// JUnit cases.
    package var unlistedOffendingCells: [OffendingCell] = []

    /// How many cells fail a policy, listed or not.
    package var offendingCellCount: Int { offendingCells.count + (offendingCellsOmitted ?? 0) }

    /// - Parameters: offendingCells, warnings: all of them; the first ``maxListed`` of each are listed.
    package init(
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
