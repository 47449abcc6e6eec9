import FoundationEssentials

package enum PapermillLocator {
    package static func find(in sysPath: [String]) -> PapermillInstall? {
        for entry in sysPath where FileSystem.isDirectory(entry) {
            guard FileSystem.isRegularFile("\(entry)/papermill/__init__.py") else { continue }
            return PapermillInstall(location: "\(entry)/papermill", version: version(in: entry))
        }
        return nil
    }

    static func version(in directory: String) -> String? {
        guard let names = FileSystem.entries(directory) else { return nil }
        // The name is normalised by the installer ("papermill-2.7.0.dist-info"); match it
        // case-insensitively, and take the Version from METADATA rather than the folder name.
        for name in names.sorted() where name.lowercased().hasPrefix("papermill-") && name.hasSuffix(".dist-info") {
            let metadata = "\(directory)/\(name)/METADATA"
            guard let data = try? Data(contentsOf: URL(filePath: metadata)) else { continue }
            for line in String(decoding: data.prefix(64 * 1024), as: UTF8.self).split(separator: "\n") {
                if line.hasPrefix("Version:") {
                    return line.dropFirst("Version:".count).trimmed
                }
                if line.isEmpty { break }  // end of the header block
            }
        }
        return nil
    }

    /// The one message for a missing papermill (run and doctor).
    package static func missingMessage(_ facts: PythonFacts) -> String {
        "papermill is not installed for \(facts.executable) (Python \(facts.version)): \(remedy) (or allow a runtime install with --allow-install)"
    }

    /// Whether a run with `--allow-install` would also install ipykernel for this kernel.
    package static func installWouldAddIpykernel(facts: PythonFacts, kernel: String) -> Bool {
        !facts.ipykernel && kernel.lowercased().hasPrefix("python")
    }

    /// The fix the seed documents: pre-install papermill in the image.
    package static let remedy =
        "install papermill in the image as root (pip install papermill ipykernel) so every UID can import it; see images/ in the nbrunner repository"
}
