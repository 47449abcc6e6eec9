import FoundationEssentials
#if canImport(Glibc)
import Glibc
#endif

/// Replaces secret values in the executed notebook (by default; `--no-redact-notebook`): the
/// JSON-escaped forms are replaced in place, never inside an escape sequence, and the file is
/// rewritten atomically only when it changed and is still valid JSON.
public enum NotebookRedaction {
    public static func apply(to path: String, redactor: Redactor, log: RunnerLog) {
        guard !redactor.isEmpty, let data = try? Data(contentsOf: URL(filePath: path)) else { return }
        let bytes = Array(data)
        let redacted = redactor.redactJSON(bytes)
        guard redacted != bytes else { return }
        guard JSONSyntaxError.find(in: redacted) == nil else {
            log.warning("could not redact secrets in \(path) safely; the output notebook is removed rather than kept with secrets in it")
            unlink(path)
            return
        }
        if let problem = ResultPublisher.writeAtomically(redacted, to: path) {
            log.warning("could not rewrite \(path) with secrets redacted (\(problem)); the output notebook is removed")
            unlink(path)
        } else {
            log.info("secrets: redacted secret values in the output notebook")
        }
    }
}
