import ArgumentParser
import FoundationEssentials
import NotebookRunner

#if canImport(Glibc)
    import Glibc
#endif

struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Report what a run would find: identity, writable locations, Python, papermill, kernels, credentials (names only), Vault files, seccomp.",
        discussion: """
            Takes the same options and NBRUNNER_* variables as `run`; with a notebook it also \
            checks the notebook, its kernel and the output folders. Changes nothing. Exits 0 \
            when a run would get past preflight, otherwise with the code `run` would have used.
            """)

    @OptionGroup var arguments: RunArguments

    @Flag(help: "Print the report as JSON.")
    var json = false

    func run() async throws {
        let options: RunOptions
        do throws(RunFailure) { options = try arguments.options() } catch {
            FileOutput.stderr("nbrunner doctor: \(error.message)\n")
            throw ArgumentParser.ExitCode(error.category.exitCode)
        }
        let report = await Doctor.examine(
            options: options, environment: ProcessEnvironment.current(),
            currentDirectory: FileSystem.currentDirectory())
        if json {
            let bytes = (try? ResultJSON.encode(report)) ?? Array("{}".utf8)
            FileOutput.stdout(String(decoding: bytes, as: UTF8.self) + "\n")
        } else {
            FileOutput.stdout(DoctorText.render(report))
        }
        throw ArgumentParser.ExitCode(report.verdict.exitCode)
    }
}
