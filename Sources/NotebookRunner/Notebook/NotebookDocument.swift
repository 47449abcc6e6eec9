/// The subset of an nbformat-4 notebook nbrunner reads. Decoding is selective and lenient:
/// a malformed optional field (odd metadata) is treated as absent rather than failing the run;
/// only what makes a notebook a notebook (`nbformat`, `cells`, `cell_type`) is required.
package struct NotebookDocument: Decodable, Sendable {
    package var nbformat: Int
    package var metadata: Metadata
    package var cells: [Cell]

    package init(nbformat: Int, metadata: Metadata, cells: [Cell]) {
        self.nbformat = nbformat
        self.metadata = metadata
        self.cells = cells
    }

    package init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        nbformat = try c.decode(Int.self, forKey: .nbformat)
        cells = try c.decode([Cell].self, forKey: .cells)
        metadata = (try? c.decodeIfPresent(Metadata.self, forKey: .metadata)) ?? Metadata()
    }
    enum CodingKeys: String, CodingKey { case nbformat, metadata, cells }

    package struct Metadata: Decodable, Sendable {
        package var kernelspec: KernelSpec?

        package init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            kernelspec = try? c.decodeIfPresent(KernelSpec.self, forKey: .kernelspec)
        }
        enum CodingKeys: String, CodingKey { case kernelspec }
        package init() {}
    }

    package struct KernelSpec: Decodable, Sendable {
        package var name: String?
        package var language: String?
    }

    package struct Cell: Decodable, Sendable {
        package var cellType: CellType
        package var source: String
        package var executionCount: Int?
        package var tags: [String]
        package var papermillDuration: Double?
        /// papermill's `metadata.papermill.exception`. Only `true` is meaningful: papermill sets it
        /// for a `CellExecutionError` (also one without an error output, such as a failed line
        /// magic), but leaves it null for timeouts, dead kernels and interrupts.
        package var papermillException: Bool
        /// nbclient recorded the kernel's reply (`metadata.execution["shell.execute_reply"]`):
        /// the cell finished executing, whatever stopped the run afterwards.
        package var replied = false
        package var outputs: [Output]
        /// nbformat's schema wants `source` as a string or a list of strings; papermill crashes
        /// on anything else (a number, an object).
        package var sourceIsText = true

        package init(
            cellType: CellType, source: String = "", executionCount: Int? = nil,
            tags: [String] = [], outputs: [Output] = [], replied: Bool = false
        ) {
            self.cellType = cellType
            self.replied = replied
            self.source = source
            self.executionCount = executionCount
            self.tags = tags
            self.papermillException = false
            self.outputs = outputs
        }

        package init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            cellType = try c.decode(CellType.self, forKey: .cellType)
            do {
                source = try c.decodeIfPresent(MultilineText.self, forKey: .source)?.text ?? ""
            } catch {
                source = ""
                sourceIsText = false
            }
            executionCount = try? c.decodeIfPresent(Int.self, forKey: .executionCount)
            let meta = try? c.decodeIfPresent(CellMetadata.self, forKey: .metadata)
            tags = meta?.tags ?? []
            papermillDuration = meta?.papermill?.duration
            papermillException = meta?.papermill?.exception ?? false
            replied = meta?.execution?.reply != nil
            outputs = (try? c.decodeIfPresent([Output].self, forKey: .outputs)) ?? []
        }

        enum CodingKeys: String, CodingKey {
            case cellType = "cell_type"
            case source
            case executionCount = "execution_count"
            case metadata, outputs
        }

        /// nbclient skips cells whose source is blank and cells tagged `skip-execution`.
        package var isBlank: Bool { source.allSatisfy(\.isWhitespace) }
    }

    struct CellMetadata: Decodable {
        var tags: [String]?
        var papermill: PapermillCell?
        var execution: ExecutionTimes?

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            tags = try? c.decodeIfPresent([String].self, forKey: .tags)
            papermill = try? c.decodeIfPresent(PapermillCell.self, forKey: .papermill)
            execution = try? c.decodeIfPresent(ExecutionTimes.self, forKey: .execution)
        }
        enum CodingKeys: String, CodingKey { case tags, papermill, execution }
    }

    /// nbclient's `record_timing` timestamps; only whether the reply arrived matters.
    struct ExecutionTimes: Decodable {
        var reply: String?
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            reply = try? c.decodeIfPresent(String.self, forKey: .reply)
        }
        enum CodingKeys: String, CodingKey { case reply = "shell.execute_reply" }
    }

    struct PapermillCell: Decodable {
        var duration: Double?
        var exception: Bool?
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            duration = try? c.decodeIfPresent(Double.self, forKey: .duration)
            exception = try? c.decodeIfPresent(Bool.self, forKey: .exception)
        }
        enum CodingKeys: String, CodingKey { case duration, exception }
    }

    /// A cell output. Error outputs are read in detail; stream and `text/plain` texts are
    /// scanned (``OutputScan``) as far as the ``NotebookReader/Mode`` asks, and kept whole
    /// only when the document is read for a golden comparison (``NotebookReader/Mode/full``);
    /// other data (images) is never kept.
    package struct Output: Decodable, Sendable {
        package var outputType: OutputType
        package var ename: String?
        package var evalue: String?
        package var traceback: [String]?
        /// A stream's `name`: `stdout` or `stderr`.
        package var name: String?
        /// What the stream text, or the `text/plain` of a result or display, shows.
        package var scan: OutputScan?
        /// The whole stream text or `text/plain`; only with ``NotebookReader/Mode/full``.
        package var text: String?
        /// The MIME types of `data` (execute_result, display_data), sorted.
        package var mimeTypes: [String]
        /// A digest of the other `data` entries (images…); only with ``NotebookReader/Mode/full``.
        package var dataDigest: String?
        /// An execute_result's own count; only with ``NotebookReader/Mode/full``.
        package var executionCount: Int?

        package init(
            outputType: OutputType, ename: String? = nil, evalue: String? = nil, traceback: [String]? = nil,
            name: String? = nil, text: String? = nil, mimeTypes: [String] = [], dataDigest: String? = nil,
            executionCount: Int? = nil
        ) {
            self.outputType = outputType
            self.ename = ename
            self.evalue = evalue
            self.traceback = traceback
            self.name = name
            self.text = text
            self.scan = text.map { OutputScan($0) }
            self.mimeTypes = mimeTypes
            self.dataDigest = dataDigest
            self.executionCount = executionCount
        }

        package init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            outputType = (try? c.decode(OutputType.self, forKey: .outputType)) ?? .other("")
            mimeTypes = []
            let mode = decoder.userInfo[NotebookReader.Mode.key] as? NotebookReader.Mode ?? .scanned(.all)
            let full = mode.isFull
            let needs = mode.needs
            switch outputType {
            case .error:
                ename = try? c.decodeIfPresent(String.self, forKey: .ename)
                evalue = try? c.decodeIfPresent(String.self, forKey: .evalue)
                traceback = try? c.decodeIfPresent([String].self, forKey: .traceback)
            case .stream:
                name = try? c.decodeIfPresent(String.self, forKey: .name)
                let lines = needs.stderr && name == "stderr"
                guard full || lines || needs.tracebacks else { break }
                let whole = (try? c.decodeIfPresent(MultilineText.self, forKey: .text))?.text ?? ""
                scan = OutputScan(whole, lines: lines || full)
                if full { text = whole }
            case .executeResult, .displayData:
                guard let data = try? c.nestedContainer(keyedBy: DataKey.self, forKey: .data) else { break }
                mimeTypes = data.allKeys.map(\.stringValue).sorted()
                if full || needs.tracebacks,
                    let plain = try? data.decodeIfPresent(MultilineText.self, forKey: DataKey(stringValue: "text/plain"))
                {
                    scan = OutputScan(plain.text, lines: full)
                    if full { text = plain.text }
                }
                if full {
                    executionCount = try? c.decodeIfPresent(Int.self, forKey: .executionCount)
                    var digest = ContentDigest()
                    for key in data.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) where key.stringValue != "text/plain" {
                        digest.add(key.stringValue)
                        digest.add((try? data.decode(MultilineText.self, forKey: key))?.text ?? "(not text)")
                    }
                    if mimeTypes.contains(where: { $0 != "text/plain" }) { dataDigest = digest.hex }
                }
            default:
                break
            }
        }
        enum CodingKeys: String, CodingKey {
            case outputType = "output_type"
            case ename, evalue, traceback, name, text, data
            case executionCount = "execution_count"
        }

        struct DataKey: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }

        /// papermill treats `SystemExit` with an empty or `0` value as success (execute.py).
        package var isCleanSystemExit: Bool {
            outputType == .error && ename == "SystemExit" && (evalue == "" || evalue == "0" || evalue == nil)
        }

        package var isFailure: Bool { outputType == .error && !isCleanSystemExit }
    }

    /// papermill's own cells.
    package static let errorMarkerTag = "papermill-error-cell-tag"
    package static let injectedParametersTag = "injected-parameters"
    package static let parametersTag = "parameters"
    /// nbclient's convention: the cell may raise; execution continues past it.
    package static let raisesExceptionTag = "raises-exception"
}
