extension RunResult {
    /// The result with every secret value replaced by `***` in the text it carries from the
    /// notebook and from papermill (messages, evalues, tracebacks, notes).
    public func redacted(by redactor: Redactor) -> RunResult {
        guard !redactor.isEmpty else { return self }
        var r = self
        r.error = redactor.redact(error)
        r.failedCell?.ename = redactor.redact(failedCell?.ename)
        r.failedCell?.evalue = redactor.redact(failedCell?.evalue)
        r.cells = cells.map { cell in
            var c = cell
            c.error = redactor.redact(cell.error)
            c.ename = redactor.redact(cell.ename)
            c.evalue = redactor.redact(cell.evalue)
            c.traceback = cell.traceback?.map { redactor.redact($0) }
            c.note = redactor.redact(cell.note)
            return c
        }
        return r
    }
}
