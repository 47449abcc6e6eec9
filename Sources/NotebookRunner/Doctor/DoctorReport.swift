/// Everything `nbrunner doctor` found, as printed (readable or `--json`).
public struct DoctorReport: Sendable, Codable {
    public struct Verdict: Sendable, Codable, Equatable {
        /// 0 when a run would get past preflight, else the exit code `run` would have used.
        public var exitCode: Int32
        public var errorCategory: ErrorCategory
        public var message: String

        public init(exitCode: Int32, errorCategory: ErrorCategory, message: String) {
            self.exitCode = exitCode
            self.errorCategory = errorCategory
            self.message = message
        }

        public init(failure: RunFailure) {
            self.init(exitCode: failure.category.exitCode, errorCategory: failure.category, message: failure.message)
        }
    }

    public struct Python: Sendable, Codable {
        public var interpreter: String?
        public var executable: String?
        public var version: String?
        public var papermillVersion: String?
        public var papermillLocation: String?
        public var ipykernel: Bool?
        public var kernels: [Kernel]
        public var problem: String?
    }

    public struct Kernel: Sendable, Codable, Equatable {
        public var name: String
        public var path: String
    }

    public struct Notebook: Sendable, Codable {
        public var path: String
        public var kernel: String?
        public var codeCells: Int?
        public var output: String
        public var result: String
        /// Credentials written into code cells: `cell 3, line 2: aws_access_key_id` (never a value).
        public var hardcodedCredentials: [String] = []
    }

    /// The policies a run would judge the notebook by, and its golden comparison and JUnit report.
    public struct Validation: Sendable, Codable {
        /// nil when the options or variables are bad (the verdict says why).
        public var policy: ValidationPolicy?
        public var golden: String?
        public var goldenStrategy: GoldenStrategy?
        public var junit: String?
    }

    /// The `--sandbox` mode and whether its filter would load.
    public struct Sandbox: Sendable, Codable {
        public var mode: SandboxMode
        /// Why the filter would not load; nil when it would.
        public var unavailable: String?
    }

    public struct TerminationLog: Sendable, Codable {
        public var path: String?
        public var writable: Bool
    }

    public var verdict: Verdict
    /// Every problem a run would meet, in the order it meets them (it stops at the first, the
    /// verdict); empty when a run would get past preflight.
    public var problems: [Verdict]
    public var runnerVersion: String
    public var environment: EnvironmentReport
    public var python: Python
    public var notebook: Notebook?
    public var credentials: CredentialNames.Summary
    public var secrets: SecretFilesPreview
    /// `--env-file` files, each strict in a run.
    public var envFiles: [SecretFilesPreview.File]
    public var process: ProcessStatus
    public var sandbox: Sandbox
    public var validation: Validation
    public var terminationLog: TerminationLog
}
