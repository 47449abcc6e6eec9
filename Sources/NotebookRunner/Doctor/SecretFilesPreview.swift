import FoundationEssentials

/// The Vault-rendered files doctor can see (`/vault/secrets` by default): file names and the
/// KEY NAMES a run would load, read with the run's own parser; never a value. Answers "secrets
/// not available at expected path".
package struct SecretFilesPreview: Sendable, Equatable, Codable {
    package struct File: Sendable, Equatable, Codable {
        package var name: String
        package var bytes: Int?
        package var keys: [String]
        package var problem: String?
    }

    package var directory: String
    package var exists: Bool
    package var files: [File]

    package static let defaultDirectory = "/vault/secrets"

    /// One named file (`--env-file`), with the problem a run would stop at.
    package static func preview(file path: String) -> File {
        do throws(RunFailure) {
            return File(name: path, bytes: FileSystem.size(path), keys: try SecretsLoader.read(path).map(\.key))
        } catch {
            return File(name: path, bytes: FileSystem.size(path), keys: [], problem: String(error.message.dropFirst(path.count + 1)).trimmed)
        }
    }

    /// The files a run would read from `directory`, each through ``preview(file:)``.
    /// - Parameter strict: the folder was given explicitly, so a run stops at a bad file
    ///   (in the default /vault/secrets it skips it).
    package static func scan(_ directory: String = defaultDirectory, strict: Bool = false) -> SecretFilesPreview {
        guard !directory.isEmpty else { return .init(directory: "", exists: false, files: []) }
        guard FileSystem.isDirectory(directory) else { return .init(directory: directory, exists: false, files: []) }
        guard let names = FileSystem.entries(directory) else {
            return .init(
                directory: directory, exists: true,
                files: [.init(name: "", keys: [], problem: "cannot list: \(FileSystem.errnoText())")])
        }
        var files: [File] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = "\(directory)/\(name)"
            guard FileSystem.isRegularFile(path) else { continue }
            if SecretsLoader.isRenderArtifact(name) {
                files.append(.init(name: name, keys: [], problem: "skipped: a render temporary or backup file"))
                continue
            }
            var file = preview(file: path)
            file.name = name
            file.problem = file.problem.map { $0 + (strict ? "; a run stops here (exit 4)" : "; a run skips it") }
            files.append(file)
        }
        return .init(directory: directory, exists: true, files: files)
    }
}
