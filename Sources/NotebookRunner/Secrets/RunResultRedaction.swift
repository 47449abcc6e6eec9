extension RunResult {
    /// The result with every secret value replaced by `***` in the text it carries from the
    /// notebook and from papermill (messages, evalues, tracebacks, notes, validation findings,
    /// golden diffs, the cells' first source lines that the JUnit report names cases by), and in
    /// the environment locations and interpreter path, which a secrets file can set.
    package func redacted(by redactor: Redactor) -> RunResult {
        guard !redactor.isEmpty else { return self }
        var r = self
        r.error = redactor.redact(error)
        r.environment = environment?.redacted(by: redactor)
        r.python?.executable = redactor.redact(python?.executable ?? "")
        r.failedCell?.ename = redactor.redact(failedCell?.ename)
        r.failedCell?.evalue = redactor.redact(failedCell?.evalue)
        r.failedCell?.reason = redactor.redact(failedCell?.reason)
        r.validation?.offendingCells =
            validation?.offendingCells.map { cell in
                var c = cell
                c.reasons = cell.reasons.map { .init(kind: $0.kind, message: redactor.redact($0.message)) }
                return c
            } ?? []
        r.validation?.warnings =
            validation?.warnings.map { warning in
                var w = warning
                w.message = redactor.redact(warning.message)
                return w
            } ?? []
        r.comparison?.diffs =
            comparison?.diffs.map { diff in
                var d = diff
                d.expected = redactor.redact(diff.expected)
                d.actual = redactor.redact(diff.actual)
                d.diff = redactor.redact(diff.diff)
                return d
            } ?? []
        r.cells = cells.map { cell in
            var c = cell
            c.error = redactor.redact(cell.error)
            c.ename = redactor.redact(cell.ename)
            c.evalue = redactor.redact(cell.evalue)
            c.traceback = cell.traceback?.map { redactor.redact($0) }
            c.note = redactor.redact(cell.note)
            c.sourceLine = redactor.redact(cell.sourceLine)
            return c
        }
        return r
    }
}
