/// Everything `nbrunner doctor` found, as printed (readable or `--json`).
package struct DoctorReport: Sendable, Codable {
    package struct Verdict: Sendable, Codable, Equatable {
        /// 0 when a run would get past preflight, else the exit code `run` would have used.
        package var exitCode: Int32
        package var errorCategory: ErrorCategory
        package var message: String

        package init(exitCode: Int32, errorCategory: ErrorCategory, message: String) {
            self.exitCode = exitCode
            self.errorCategory = errorCategory
            self.message = message
        }

        package init(failure: RunFailure) {
            self.init(exitCode: failure.category.exitCode, errorCategory: failure.category, message: failure.message)
        }
    }

    package struct Python: Sendable, Codable {
        package var interpreter: String?
        package var executable: String?
        package var version: String?
        package var papermillVersion: String?
        package var papermillLocation: String?
        package var ipykernel: Bool?
        package var kernels: [Kernel]
        package var problem: String?
    }

    package struct Kernel: Sendable, Codable, Equatable {
        package var name: String
        package var path: String
    }

    package struct Notebook: Sendable, Codable {
        package var path: String
        package var kernel: String?
        package var codeCells: Int?
        package var output: String
        package var result: String
        /// Credentials written into code cells: `cell 3, line 2: aws_access_key_id` (never a value).
        package var hardcodedCredentials: [String] = []
    }

    /// The policies a run would judge the notebook by, and its golden comparison and JUnit report.
    package struct Validation: Sendable, Codable {
        /// nil when the options or variables are bad (the verdict says why).
        package var policy: ValidationPolicy?
        package var golden: String?
        package var goldenStrategy: GoldenStrategy?
        package var junit: String?
    }

    /// The `--sandbox` mode and whether its filter would load.
    package struct Sandbox: Sendable, Codable {
        package var mode: SandboxMode
        /// Why the filter would not load; nil when it would.
        package var unavailable: String?
    }

    package struct TerminationLog: Sendable, Codable {
        package var path: String?
        package var writable: Bool
    }

    package var verdict: Verdict
    /// Every problem a run would meet, in the order it meets them (it stops at the first, the
    /// verdict); empty when a run would get past preflight.
    package var problems: [Verdict]
    package var runnerVersion: String
    package var environment: EnvironmentReport
    package var python: Python
    package var notebook: Notebook?
    package var credentials: CredentialNames.Summary
    package var secrets: SecretFilesPreview
    /// `--env-file` files, each strict in a run.
    package var envFiles: [SecretFilesPreview.File]
    package var process: ProcessStatus
    package var sandbox: Sandbox
    package var validation: Validation
    package var terminationLog: TerminationLog
}
