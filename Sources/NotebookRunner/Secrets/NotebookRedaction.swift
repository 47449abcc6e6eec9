import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#endif

/// Replaces secret values in the executed notebook (by default; `--no-redact-notebook`): the
/// JSON-escaped forms are replaced in place, never inside an escape sequence, and the file is
/// rewritten only when it changed and is still valid JSON: atomically through a temporary file
/// beside it, or, when none can be made there, in place (the redacted text is never longer, as
/// `***` is shorter than any redacted value). papermill's notebook is removed only when neither
/// works, since it would otherwise keep the secrets.
package enum NotebookRedaction {
    package static func apply(to path: String, redactor: Redactor, log: RunnerLog) {
        guard !redactor.isEmpty, let data = try? Data(contentsOf: URL(filePath: path)) else { return }
        let bytes = Array(data)
        let redacted = redactor.redactJSON(bytes)
        guard redacted != bytes else { return }
        guard JSONSyntaxError.find(in: redacted) == nil else {
            log.warning("could not redact secrets in \(path) safely; the output notebook is removed rather than kept with secrets in it")
            unlink(path)
            return
        }
        guard let problem = SafeFileWriter.replace(path, with: redacted) else {
            log.info("secrets: redacted secret values in the output notebook")
            return
        }
        if let inPlace = SafeFileWriter.rewriteInPlace(path, with: redacted) {
            log.warning(
                "could not rewrite \(path) with secrets redacted (\(problem); in place: \(inPlace)); the output notebook is removed rather than kept with secrets in it"
            )
            unlink(path)
        } else {
            log.info("secrets: redacted secret values in the output notebook (in place: \(problem))")
        }
    }
}
