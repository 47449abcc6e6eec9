/// A short unified diff (`--- golden`, `+++ executed`, `@@` hunks with 2 lines of context)
/// between two lists of lines, where "equal" is the comparison's own notion (normalized lines
/// may differ in their timestamps and still be equal). Bounded: long lines are clipped, and
/// the diff stops at `maxBytes` with a note.
enum UnifiedDiff {
    enum Operation: Equatable {
        case same(Int, Int)
        case removed(Int)
        case added(Int)
    }

    static let context = 2
    static let maxLineBytes = 200
    /// Above this many line pairs the middle is shown as removed then added, without an LCS.
    static let maxTable = 250_000

    /// Lines are redacted with `redactor` before they are clipped.
    static func render(
        expected: [String], actual: [String], maxBytes: Int = 1000, redactor: Redactor = .none,
        equal: (Int, Int) -> Bool
    ) -> String {
        func clip(_ line: String) -> String { TextClip.clip(redactor.redact(ANSIText.strip(line)), maxBytes: maxLineBytes) }
        let operations = script(expected.count, actual.count, equal: equal)
        guard operations.contains(where: { if case .same = $0 { false } else { true } }) else { return "" }
        var out = "--- golden\n+++ executed\n"
        var truncated = false
        func emit(_ line: String) -> Bool {
            guard !truncated else { return false }
            if out.utf8.count + line.utf8.count + 1 > maxBytes - 24 {
                out += "… (diff truncated)\n"
                truncated = true
                return false
            }
            out += line + "\n"
            return true
        }
        // Positions on each side before each operation, for the hunk headers.
        var oldBefore: [Int] = []
        var newBefore: [Int] = []
        var old = 0
        var new = 0
        for op in operations {
            oldBefore.append(old)
            newBefore.append(new)
            switch op {
            case .same:
                old += 1
                new += 1
            case .removed: old += 1
            case .added: new += 1
            }
        }
        for range in hunks(operations) {
            let hunk = operations[range]
            let oldCount = hunk.filter { if case .added = $0 { false } else { true } }.count
            let newCount = hunk.filter { if case .removed = $0 { false } else { true } }.count
            // As GNU diff writes it: an empty side names the line before.
            let oldStart = oldBefore[range.lowerBound] + (oldCount == 0 ? 0 : 1)
            let newStart = newBefore[range.lowerBound] + (newCount == 0 ? 0 : 1)
            guard emit("@@ -\(oldStart),\(oldCount) +\(newStart),\(newCount) @@") else { break }
            for op in hunk {
                let line: String
                switch op {
                case .same(let a, _): line = " " + clip(expected[a])
                case .removed(let a): line = "-" + clip(expected[a])
                case .added(let b): line = "+" + clip(actual[b])
                }
                guard emit(line) else { break }
            }
        }
        return out.hasSuffix("\n") ? String(out.dropLast()) : out
    }

    /// The edit script: common prefix and suffix, and an LCS of the middle when it is small.
    static func script(_ n: Int, _ m: Int, equal: (Int, Int) -> Bool) -> [Operation] {
        var prefix = 0
        while prefix < n, prefix < m, equal(prefix, prefix) { prefix += 1 }
        var suffix = 0
        while suffix < n - prefix, suffix < m - prefix, equal(n - 1 - suffix, m - 1 - suffix) { suffix += 1 }
        var ops: [Operation] = (0..<prefix).map { .same($0, $0) }
        let a = prefix..<(n - suffix)
        let b = prefix..<(m - suffix)
        if a.count * b.count <= maxTable, !a.isEmpty, !b.isEmpty {
            // lcs[i][j]: LCS length of a[i...] and b[j...].
            let width = b.count + 1
            var lcs = [Int32](repeating: 0, count: (a.count + 1) * width)
            for i in stride(from: a.count - 1, through: 0, by: -1) {
                for j in stride(from: b.count - 1, through: 0, by: -1) {
                    lcs[i * width + j] =
                        equal(a.lowerBound + i, b.lowerBound + j)
                        ? lcs[(i + 1) * width + j + 1] + 1
                        : max(lcs[(i + 1) * width + j], lcs[i * width + j + 1])
                }
            }
            var i = 0
            var j = 0
            while i < a.count, j < b.count {
                if equal(a.lowerBound + i, b.lowerBound + j) {
                    ops.append(.same(a.lowerBound + i, b.lowerBound + j))
                    i += 1
                    j += 1
                } else if lcs[(i + 1) * width + j] >= lcs[i * width + j + 1] {
                    ops.append(.removed(a.lowerBound + i))
                    i += 1
                } else {
                    ops.append(.added(b.lowerBound + j))
                    j += 1
                }
            }
            while i < a.count {
                ops.append(.removed(a.lowerBound + i))
                i += 1
            }
            while j < b.count {
                ops.append(.added(b.lowerBound + j))
                j += 1
            }
        } else {
            ops += a.map { .removed($0) }
            ops += b.map { .added($0) }
        }
        ops += (0..<suffix).map { .same(n - suffix + $0, m - suffix + $0) }
        return ops
    }

    /// Changes with up to ``context`` unchanged lines around them; nearby changes share a hunk.
    static func hunks(_ ops: [Operation]) -> [ClosedRange<Int>] {
        let changed = ops.indices.filter { if case .same = ops[$0] { false } else { true } }
        guard !changed.isEmpty else { return [] }
        var ranges: [ClosedRange<Int>] = []
        for index in changed {
            let range = max(0, index - context)...min(ops.count - 1, index + context)
            if let last = ranges.last, range.lowerBound <= last.upperBound + 1 {
                ranges[ranges.count - 1] = last.lowerBound...max(last.upperBound, range.upperBound)
            } else {
                ranges.append(range)
            }
        }
        return ranges
    }
}
