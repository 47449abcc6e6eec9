/// The subset of an nbformat-4 notebook nbrunner reads. Decoding is selective and lenient:
/// a malformed optional field (odd metadata) is treated as absent rather than failing the run;
/// only what makes a notebook a notebook (`nbformat`, `cells`, `cell_type`) is required.
public struct NotebookDocument: Decodable, Sendable {
    public var nbformat: Int
    public var metadata: Metadata
    public var cells: [Cell]

    public init(nbformat: Int, metadata: Metadata, cells: [Cell]) {
        self.nbformat = nbformat
        self.metadata = metadata
        self.cells = cells
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        nbformat = try c.decode(Int.self, forKey: .nbformat)
        cells = try c.decode([Cell].self, forKey: .cells)
        metadata = (try? c.decodeIfPresent(Metadata.self, forKey: .metadata)) ?? Metadata()
    }
    enum CodingKeys: String, CodingKey { case nbformat, metadata, cells }

    public struct Metadata: Decodable, Sendable {
        public var kernelspec: KernelSpec?

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            kernelspec = try? c.decodeIfPresent(KernelSpec.self, forKey: .kernelspec)
        }
        enum CodingKeys: String, CodingKey { case kernelspec }
        public init() {}
    }

    public struct KernelSpec: Decodable, Sendable {
        public var name: String?
        public var language: String?
    }

    public struct Cell: Decodable, Sendable {
        public var cellType: String
        public var source: String
        public var executionCount: Int?
        public var tags: [String]
        public var papermillDuration: Double?
        /// papermill's `metadata.papermill.exception`. Only `true` is meaningful: papermill sets it
        /// for a `CellExecutionError` (also one without an error output, such as a failed line
        /// magic), but leaves it null for timeouts, dead kernels and interrupts.
        public var papermillException: Bool
        public var outputs: [Output]

        public init(cellType: String, source: String = "", executionCount: Int? = nil,
                    tags: [String] = [], outputs: [Output] = []) {
            self.cellType = cellType
            self.source = source
            self.executionCount = executionCount
            self.tags = tags
            self.papermillException = false
            self.outputs = outputs
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            cellType = try c.decode(String.self, forKey: .cellType)
            source = (try? c.decodeIfPresent(MultilineText.self, forKey: .source))?.text ?? ""
            executionCount = try? c.decodeIfPresent(Int.self, forKey: .executionCount)
            let meta = try? c.decodeIfPresent(CellMetadata.self, forKey: .metadata)
            tags = meta?.tags ?? []
            papermillDuration = meta?.papermill?.duration
            papermillException = meta?.papermill?.exception ?? false
            outputs = (try? c.decodeIfPresent([Output].self, forKey: .outputs)) ?? []
        }

        enum CodingKeys: String, CodingKey {
            case cellType, source, executionCount, metadata, outputs
        }

        /// nbclient skips cells whose source is blank and cells tagged `skip-execution`.
        public var isBlank: Bool { source.allSatisfy(\.isWhitespace) }
    }

    struct CellMetadata: Decodable {
        var tags: [String]?
        var papermill: PapermillCell?

        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            tags = try? c.decodeIfPresent([String].self, forKey: .tags)
            papermill = try? c.decodeIfPresent(PapermillCell.self, forKey: .papermill)
        }
        enum CodingKeys: String, CodingKey { case tags, papermill }
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

    /// A cell output; only error outputs are read in detail.
    public struct Output: Decodable, Sendable {
        public var outputType: String
        public var ename: String?
        public var evalue: String?
        public var traceback: [String]?

        public init(outputType: String, ename: String? = nil, evalue: String? = nil, traceback: [String]? = nil) {
            self.outputType = outputType
            self.ename = ename
            self.evalue = evalue
            self.traceback = traceback
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            outputType = (try? c.decode(String.self, forKey: .outputType)) ?? ""
            guard outputType == "error" else { return }
            ename = try? c.decodeIfPresent(String.self, forKey: .ename)
            evalue = try? c.decodeIfPresent(String.self, forKey: .evalue)
            traceback = try? c.decodeIfPresent([String].self, forKey: .traceback)
        }
        enum CodingKeys: String, CodingKey { case outputType, ename, evalue, traceback }

        /// papermill treats `SystemExit` with an empty or `0` value as success (execute.py).
        public var isCleanSystemExit: Bool {
            outputType == "error" && ename == "SystemExit" && (evalue == "" || evalue == "0" || evalue == nil)
        }

        public var isFailure: Bool { outputType == "error" && !isCleanSystemExit }
    }

    /// papermill's own cells.
    public static let errorMarkerTag = "papermill-error-cell-tag"
    public static let injectedParametersTag = "injected-parameters"
    public static let parametersTag = "parameters"
}

/// nbformat's "multiline string": a string or a list of strings to concatenate.
struct MultilineText: Decodable {
    var text: String
    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let s = try? c.decode(String.self) {
            text = s
        } else {
            text = try c.decode([String].self).joined()
        }
    }
}
