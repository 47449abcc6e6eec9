import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#endif

/// Reads a notebook file into a ``NotebookDocument`` with errors a person can act on.
package enum NotebookReader {
    /// Reads the SOURCE notebook; every problem is `invalid_notebook` (exit 2).
    package static func readSource(_ path: String) throws(RunFailure) -> NotebookDocument {
        let bytes = try read(path)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            // nbformat (so papermill) refuses it: fail here, before any kernel starts.
            throw RunFailure(.invalidNotebook, "\(path):1:1: the file starts with a UTF-8 byte-order mark, which nbformat does not accept; save it without one")
        }
        let document = try decode(bytes, path: path, mode: .source)
        if let bad = document.cells.firstIndex(where: { !$0.sourceIsText }) {
            throw RunFailure(.invalidNotebook, "\(path): cell \(bad): 'source' must be a string or a list of strings (nbformat 4)")
        }
        if let problem = NotebookShape.problem(in: Array(bytes)) {
            throw RunFailure(.invalidNotebook, "\(path): \(problem)")
        }
        return document
    }

    /// Reads the golden notebook (`--golden`) with whole outputs; every problem is
    /// `invalid_notebook` (exit 2), the message starting with `--golden`.
    package static func readGolden(_ path: String) throws(RunFailure) -> NotebookDocument {
        do throws(RunFailure) {
            return try decode(try read(path), path: path, mode: .full)
        } catch {
            throw RunFailure(error.category, "--golden: " + error.message.replacing("notebook not found", with: "golden notebook not found"))
        }
    }

    /// Reads papermill's OUTPUT notebook; nil when papermill did not write one.
    /// - Parameter mode: usually ``Mode/executed(policy:golden:)``. With ``Mode/scanned(_:)``,
    ///   tracebacks are looked for only when the file holds a traceback header at all (a quick
    ///   check), so a run pays for decoding stream texts only when there may be something to find.
    package static func readExecuted(_ path: String, mode: Mode = .scanned(.all)) -> Result<NotebookDocument, RunFailure>? {
        guard FileSystem.exists(path) else { return nil }
        do throws(RunFailure) {
            let bytes = try read(path)
            var mode = mode
            if case .scanned(var needs) = mode, needs.tracebacks {
                needs.tracebacks = bytes.withUnsafeBytes { OutputScan.mayHoldTraceback($0) }
                mode = .scanned(needs)
            }
            return .success(try decode(bytes, path: path, mode: mode))
        } catch {
            return .failure(error)
        }
    }

    static func read(_ path: String) throws(RunFailure) -> Data {
        do throws(RegularFileReader.Problem) {
            return Data(try RegularFileReader.read(path))
        } catch {
            switch error {
            case .missing: throw RunFailure(.invalidNotebook, "notebook not found: \(path)")
            case .notRegular(let what): throw RunFailure(.invalidNotebook, "\(path): is \(what), not a notebook file")
            case .unreadable: throw RunFailure(.invalidNotebook, "\(path): \(error.reason)")
            }
        }
    }

    package static func decode(_ bytes: Data, path: String, mode: Mode = .scanned(.all)) throws(RunFailure) -> NotebookDocument {
        let document: NotebookDocument
        do {
            // nbformat's own key names, compared as written: a key strategy would also rewrite
            // the dotted `shell.execute_reply` and MIME types that hold a `_`.
            let decoder = JSONDecoder()
            decoder.userInfo[Mode.key] = mode
            document = try decoder.decode(NotebookDocument.self, from: bytes)
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty,
                let syntax = JSONSyntaxError.find(in: Array(bytes))
            {
                throw RunFailure(.invalidNotebook, "\(path):\(syntax): not valid JSON")
            }
            // An nbformat 3 notebook (worksheets, no cells) fails to decode: say which format it is.
            if let declared = declaredFormat(Array(bytes)), declared != "4" {
                throw RunFailure(.invalidNotebook, unsupported(path, declared))
            }
            throw RunFailure(.invalidNotebook, "\(path): \(describe(error))")
        } catch {
            throw RunFailure(.invalidNotebook, "\(path): not a notebook: \(error)")
        }
        guard document.nbformat == 4 else { throw RunFailure(.invalidNotebook, unsupported(path, "\(document.nbformat)")) }
        return document
    }

    static func unsupported(_ path: String, _ format: String) -> String {
        "\(path): nbformat \(format) is not supported; nbrunner needs nbformat 4 (convert with `jupyter nbconvert --to notebook`)"
    }

    /// The top-level `nbformat` as written, when it is a plain integer.
    static func declaredFormat(_ bytes: [UInt8]) -> String? {
        guard let member = JSONObjectMembers.of(bytes).last(where: { $0.key == "nbformat" }),
            JSONObjectMembers.isIntegerLiteral(bytes, member.value)
        else { return nil }
        return String(decoding: bytes[member.value], as: UTF8.self)
    }

    static func describe(_ error: DecodingError) -> String {
        func at(_ path: [any CodingKey]) -> String {
            path.isEmpty ? "" : " at " + path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                return "not valid JSON: " + TextClip.firstLine(context.debugDescription, maxBytes: 200)
            }
            return "invalid value\(at(context.codingPath)): \(context.debugDescription)"
        case .keyNotFound(let key, let context):
            return "not an nbformat-4 notebook: missing \"\(key.stringValue)\"\(at(context.codingPath))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "not an nbformat-4 notebook: wrong type\(at(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "not a notebook: \(error)"
        }
    }
}
