import ArgumentParser
import NotebookRunner

#if canImport(Glibc)
    import Glibc
#endif

@main
enum EntryPoint {
    static func main() async {
        // First of all: a SIGTERM in the first milliseconds must not be lost (as PID 1 an
        // unhandled one is silently dropped by the kernel) or kill nbrunner without a result.
        StopSignals.install()
        let environment = ProcessEnvironment.current()
        // Before anything is written: in a container the log joins the summary block on stdout,
        // so the runtime records them in the order they were written (LogStream).
        let commandLine = Array(CommandLine.arguments.dropFirst())
        let routing = commandLine.first == "doctor" ? nil : LogStream.route(arguments: commandLine, environment: environment)
        let log = RunnerLog()
        if let routing, routing.merged, let reason = routing.reason {
            log.info("log: on stdout, before the result block (\(reason))")
        }
        let cwd = FileSystem.currentDirectory()
        var options: RunOptions?
        do {
            let arguments = try ParameterPairs.join(Array(CommandLine.arguments.dropFirst()))
            let command = try Nbrunner.parseAsRoot(arguments)
            guard let run = command as? RunCommand else {
                if var asynchronous = command as? any AsyncParsableCommand {
                    try await asynchronous.run()
                } else {
                    var other = command
                    try other.run()
                }
                exit(0)
            }
            RunnerProcess.prepare(log: log)
            options = try run.options()
            let configuration = try RunConfiguration(options: options!, environment: environment, currentDirectory: cwd)
            let result = await NotebookRun(
                configuration: configuration, environment: environment,
                workingDirectory: cwd, log: log
            ).execute()
            let code = ResultPublisher(
                resultPath: configuration.result, terminationLog: configuration.terminationLog,
                terminationBudget: configuration.terminationBudget, log: log,
                junitPath: configuration.junit
            ).publish(result)
            exit(code)
        } catch let code as ArgumentParser.ExitCode {
            exit(code.rawValue)  // a subcommand's own verdict (doctor)
        } catch let failure as RunFailure {
            if CommandLine.arguments.dropFirst().first == "doctor" {
                FileOutput.stderr("nbrunner doctor: \(failure.message)\n")
                exit(ErrorCategory.configurationError.exitCode)
            }
            // A failure before the options were read (a `-p` without its value): the command
            // line's --result and --termination-log still count.
            let salvaged = options ?? ArgumentSalvage.options(from: commandLine)
            exit(UsageFailure.publish(failure, options: salvaged, environment: environment, cwd: cwd, log: log))
        } catch {
            if Nbrunner.exitCode(for: error) == .success, Nbrunner.asksForHelp(CommandLine.arguments.dropFirst()) {
                Nbrunner.exit(withError: error)  // --help, --version: stdout, exit 0
            }
            let misreadHelp = Nbrunner.exitCode(for: error) == .success
            if CommandLine.arguments.dropFirst().first == "doctor" {
                // doctor changes nothing: no result file, no termination message.
                let message = misreadHelp ? Nbrunner.misreadHelp(CommandLine.arguments.dropFirst()) : Nbrunner.message(for: error)
                FileOutput.stderr("nbrunner doctor: \(message)\n")
                exit(ErrorCategory.configurationError.exitCode)
            }
            let message =
                misreadHelp
                ? Nbrunner.misreadHelp(CommandLine.arguments.dropFirst())
                : Nbrunner.message(for: error).split(separator: "\n").first.map(String.init) ?? "invalid arguments"
            // The command line did not parse: its --result and --termination-log still count.
            let salvaged = options ?? ArgumentSalvage.options(from: Array(CommandLine.arguments.dropFirst()))
            exit(
                UsageFailure.publish(
                    RunFailure(.configurationError, message + " (see nbrunner run --help)"),
                    options: salvaged, environment: environment, cwd: cwd, log: log))
        }
    }
}
