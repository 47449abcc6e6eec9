import FoundationEssentials

/// The Vault-rendered files doctor can see (`/vault/secrets` by default): file names and the
/// KEY NAMES of `[export ]KEY=…` lines, never a value. A preview for troubleshooting ("secrets
/// not available at expected path"); loading them into the run is the secrets loader's job.
public struct SecretFilesPreview: Sendable, Equatable, Codable {
    public struct File: Sendable, Equatable, Codable {
        public var name: String
        public var bytes: Int?
        public var keys: [String]
        public var problem: String?
    }

    public var directory: String
    public var exists: Bool
    public var files: [File]

    public static let defaultDirectory = "/vault/secrets"

    public static func scan(_ directory: String = defaultDirectory) -> SecretFilesPreview {
        guard FileSystem.isDirectory(directory) else { return .init(directory: directory, exists: false, files: []) }
        guard let names = FileSystem.entries(directory) else {
            return .init(directory: directory, exists: true,
                         files: [.init(name: "", keys: [], problem: "cannot list: \(FileSystem.errnoText())")])
        }
        var files: [File] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = "\(directory)/\(name)"
            guard FileSystem.isRegularFile(path) else { continue }
            if name.allSatisfy(\.isNumber) || name.hasSuffix(".bak") {
                files.append(.init(name: name, keys: [], problem: "skipped: a render temporary or backup file"))
                continue
            }
            guard let data = try? Data(contentsOf: URL(filePath: path)) else {
                files.append(.init(name: name, keys: [], problem: "not readable: \(FileSystem.errnoText())"))
                continue
            }
            files.append(.init(name: name, bytes: data.count, keys: keyNames(String(decoding: data, as: UTF8.self)),
                               problem: data.isEmpty ? "empty (not rendered yet?)" : nil))
        }
        return .init(directory: directory, exists: true, files: files)
    }

    /// Names from `[export ]NAME=` at the start of lines; everything after `=` is ignored.
    static func keyNames(_ text: String) -> [String] {
        var names: [String] = []
        for raw in text.split(separator: "\n") {
            var line = Substring(raw)
            while line.first == " " || line.first == "\t" { line.removeFirst() }
            if line.hasPrefix("export ") { line = line.dropFirst("export ".count) }
            guard let eq = line.firstIndex(of: "=") else { continue }
            let name = line[..<eq]
            guard let first = name.first, first == "_" || first.isLetter,
                  name.allSatisfy({ $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }) else { continue }
            names.append(String(name))
        }
        return names
    }
}
