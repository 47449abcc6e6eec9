import FoundationEssentials

/// `--secret-file`: files of a mounted Kubernetes Secret volume (or any file) whose contents are
/// values to mask, such as the service-account JSON key that `GOOGLE_APPLICATION_CREDENTIALS`
/// names. They are not loaded as variables. A named file must be there and readable (exit 4).
enum SecretFileValues {
    /// Larger files are not secrets but data; refusing them keeps the matcher small.
    static let maxBytes = 1024 * 1024

    static func read(_ paths: [String], log: RunnerLog) throws(RunFailure) -> [String] {
        var values: [String] = []
        for path in paths {
            guard FileSystem.exists(path) else { throw RunFailure(.secretsUnavailable, "\(path): secret file not found (--secret-file)") }
            guard FileSystem.isRegularFile(path) else { throw RunFailure(.secretsUnavailable, "\(path): not a regular file (--secret-file)") }
            guard (FileSystem.size(path) ?? 0) <= maxBytes else {
                throw RunFailure(.secretsUnavailable, "\(path): over \(maxBytes / 1024) KiB, too large for a secret (--secret-file)")
            }
            let data: Data
            do {
                data = try Data(contentsOf: URL(filePath: path))
            } catch {
                throw RunFailure(.secretsUnavailable, "\(path): cannot read: \(FileSystem.errnoText()) (--secret-file)")
            }
            let text = String(decoding: data, as: UTF8.self)
            values.append(text)
            // A value written with a final line end (`echo`, an editor) is printed without it.
            var trimmed = Substring(text)
            while let last = trimmed.last, last == "\n" || last == "\r" { trimmed = trimmed.dropLast() }
            if trimmed.count != text.count { values.append(String(trimmed)) }
            log.info("secrets: masking the content of \(path) (--secret-file)")
        }
        return values
    }
}
