import FoundationEssentials

/// The compact result written to the Kubernetes termination log (`/dev/termination-log`).
///
/// The kubelet keeps only the last 4096 bytes of that file, and divides 12 KiB among all
/// containers of a pod, so an oversized JSON arrives cut and invalid. ``render(_:budget:)``
/// therefore always returns valid JSON of at most `budget` bytes: it shortens text first
/// (message, evalue, reason), then drops the least important fields. The category and the
/// failing (or first offending) cell's index are the last to go.
package struct TerminationMessage: Codable, Sendable, Equatable {
    package var status: RunStatus
    package var errorCategory: String
    package var exitCode: Int32
    package var retryable: Bool
    package var message: String?
    package var failedCell: Failed?
    package var statistics: Stats?
    package var durationSeconds: Double?
    package var resultPath: String?

    package struct Failed: Codable, Sendable, Equatable {
        package var cellIndex: Int?
        package var ename: String?
        package var evalue: String?
        /// Why a cell that did not raise fails (a validation policy, the golden comparison).
        package var reason: String?
    }

    package struct Stats: Codable, Sendable, Equatable {
        package var totalCells: Int
        package var codeCells: Int
        package var failedCells: Int
        package var successRate: Double
    }

    package init(_ result: RunResult) {
        status = result.status
        errorCategory = result.errorCategory.rawValue
        exitCode = result.exitCode
        retryable = result.retryable
        message = result.status == .succeeded ? nil : result.error
        failedCell = result.failedCell.map {
            Failed(cellIndex: $0.cellIndex, ename: $0.ename, evalue: $0.evalue, reason: $0.reason)
        }
        let s = result.statistics
        statistics = Stats(
            totalCells: s.totalCells, codeCells: s.codeCells,
            failedCells: s.failedCells, successRate: s.successRate)
        durationSeconds = (result.durationSeconds * 1000).rounded() / 1000
        resultPath = result.resultPath
    }

    /// The smallest budget ``render(_:budget:)`` accepts; the command line refuses less.
    package static let minimumBudget = 128

    /// Valid JSON of at most `budget` bytes (`budget` ≥ ``minimumBudget``).
    package static func render(_ result: RunResult, budget: Int) -> [UInt8] {
        var m = TerminationMessage(result)
        func encoded() -> [UInt8] { (try? ResultJSON.encode(m)) ?? Array("{}".utf8) }

        var bytes = encoded()
        if bytes.count <= budget { return bytes }
        // 1. Shorten the free text, halving until it fits or is gone.
        var textBudget = max(budget / 2, 16)
        while bytes.count > budget, textBudget >= 16 {
            m.message = m.message.map { TextClip.clip($0, maxBytes: textBudget) }
            if var failed = m.failedCell {
                failed.evalue = failed.evalue.map { TextClip.clip($0, maxBytes: textBudget / 2) }
                failed.ename = failed.ename.map { TextClip.clip($0, maxBytes: 64) }
                failed.reason = failed.reason.map { TextClip.clip($0, maxBytes: textBudget / 2) }
                m.failedCell = failed
            }
            bytes = encoded()
            textBudget /= 2
        }
        // 2. Drop fields, least important first.
        let drops: [(inout TerminationMessage) -> Void] = [
            { $0.failedCell?.evalue = nil },
            { $0.failedCell?.reason = nil },
            { $0.resultPath = nil },
            { $0.durationSeconds = nil },
            { $0.statistics = nil },
            { $0.message = nil },
            { $0.failedCell = nil },
        ]
        for drop in drops where bytes.count > budget {
            drop(&m)
            bytes = encoded()
        }
        if bytes.count <= budget { return bytes }
        return Array("{\"exit_code\":\(result.exitCode)}".utf8)
    }
}
