extension Redactor {
    /// nbformat's own keys: masking one would break the notebook (a secret `source` or `text`).
    /// Any other key (a dict's keys in an `application/json` output, `metadata.papermill.
    /// parameters`' names) is checked like a value.
    static let structuralKeys: Set<[UInt8]> = Set(
        [
            "nbformat", "nbformat_minor", "metadata", "cells", "cell_type", "id", "source", "attachments", "outputs",
            "execution_count", "output_type", "name", "text", "data", "ename", "evalue", "traceback", "transient",
            "display_id", "kernelspec", "language_info", "display_name", "language", "codemirror_mode", "file_extension",
            "mimetype", "nbconvert_exporter", "pygments_lexer", "version", "orig_nbformat", "title", "authors", "collapsed",
            "scrolled", "deletable", "editable", "format", "jupyter", "source_hidden", "outputs_hidden", "execution",
            "tags", "trusted", "isolated", "widgets", "papermill", "parameters", "default_parameters", "environment_variables",
            "exception", "start_time", "end_time", "duration", "status", "input_path", "output_path",
            "iopub.execute_input", "iopub.status.busy", "iopub.status.idle", "shell.execute_reply",
        ].map { Array($0.utf8) })

    /// nbformat's enumerated values at their keys: `"cell_type": "code"`, `"output_type":
    /// "stream"`, `"name": "stdout"`. Left alone so that the notebook stays valid; the same
    /// word anywhere else is checked.
    static let structuralValues: [[UInt8]: Set<[UInt8]>] = [
        Array("cell_type".utf8): Set(["code", "markdown", "raw"].map { Array($0.utf8) }),
        Array("output_type".utf8): Set(["stream", "display_data", "execute_result", "error", "update_display_data"].map { Array($0.utf8) }),
        Array("name".utf8): Set(["stdout", "stderr"].map { Array($0.utf8) }),
    ]

    /// A mime-type key (`text/plain`, `application/vnd.plotly.v1+json`) of an output's `data`
    /// or `metadata`.
    static func isMimeType(_ key: some Collection<UInt8>) -> Bool {
        guard let slash = key.firstIndex(of: UInt8(ascii: "/")), slash != key.startIndex, key.index(after: slash) != key.endIndex else { return false }
        return key.allSatisfy { b in
            (b >= 0x61 && b <= 0x7A) || ASCII.isDigit(b) || b == 0x2F || b == 0x2E || b == 0x2B || b == 0x2D
        }
    }

    /// For JSON text (the output notebook): masks the JSON-escaped forms inside every string,
    /// key or value, except nbformat's structural fields (its keys, its enumerated values, the
    /// mime-type keys), never starting inside an escape sequence, so the notebook stays valid
    /// JSON. A number that holds a secret becomes the string `"***"`.
    package func redactJSON(_ bytes: [UInt8]) -> [UInt8] {
        guard !json.isEmpty else { return bytes }
        return bytes.withUnsafeBufferPointer { buffer in
            var out: [UInt8] = []
            var copied = 0  // bytes[copied...] not yet copied to out
            var changed = false
            // Per open container: true for an object.
            var objects: [Bool] = []
            var expectingKey = false
            var lastKey: ArraySlice<UInt8> = []
            func replace(_ range: Range<Int>, with replacement: [UInt8]) {
                if !changed {
                    out.reserveCapacity(buffer.count)
                    changed = true
                }
                out.append(contentsOf: buffer[copied..<range.lowerBound])
                out.append(contentsOf: replacement)
                copied = range.upperBound
            }
            var i = 0
            let n = buffer.count
            while i < n {
                let b = buffer[i]
                switch b {
                case UInt8(ascii: "{"):
                    objects.append(true)
                    expectingKey = true
                    i += 1
                case UInt8(ascii: "["):
                    objects.append(false)
                    expectingKey = false
                    i += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    _ = objects.popLast()
                    expectingKey = false
                    i += 1
                case UInt8(ascii: ","):
                    expectingKey = objects.last ?? false
                    i += 1
                case UInt8(ascii: ":"):
                    expectingKey = false
                    i += 1
                case UInt8(ascii: "\""):
                    var j = i + 1
                    while j < n, buffer[j] != UInt8(ascii: "\"") { j += buffer[j] == UInt8(ascii: "\\") ? 2 : 1 }
                    let end = min(j, n)
                    let content = buffer[(i + 1)..<end]
                    let isKey = expectingKey
                    let keep: Bool
                    if isKey {
                        keep = Self.structuralKeys.contains(Array(content)) || Self.isMimeType(content)
                        lastKey = bytes[(i + 1)..<end]
                    } else {
                        keep = Self.structuralValues[Array(lastKey)]?.contains(Array(content)) ?? false
                    }
                    if !keep, !content.isEmpty {
                        let inner = UnsafeBufferPointer(rebasing: content)
                        let ranges = Self.maskedRanges(inner, json, jsonSafe: true, clippedEnd: false)
                        if !ranges.isEmpty { replace((i + 1)..<end, with: Self.masking(inner, ranges)) }
                    }
                    i = end + 1
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    var j = i + 1
                    while j < n, Self.isNumberByte(buffer[j]) { j += 1 }
                    let number = UnsafeBufferPointer(rebasing: buffer[i..<j])
                    if !Self.maskedRanges(number, json, jsonSafe: false, clippedEnd: false).isEmpty {
                        replace(i..<j, with: Array("\"***\"".utf8))
                    }
                    i = j
                default: i += 1
                }
            }
            guard changed else { return bytes }
            out.append(contentsOf: buffer[copied...])
            return out
        }
    }

    static func isNumberByte(_ b: UInt8) -> Bool {
        ASCII.isDigit(b) || b == 0x2E || b == 0x2D || b == 0x2B || b == 0x65 || b == 0x45
    }
}
