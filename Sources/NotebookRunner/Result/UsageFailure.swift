import FoundationEssentials

/// A run that fails before it has a configuration (bad flags, bad env values) still gets the
/// documented exit code, a valid result JSON on stdout, and, where a location can be worked out,
/// the result file and termination message.
public enum UsageFailure {
    public static func publish(
        _ failure: RunFailure, options: RunOptions?, environment: [String: String],
        cwd: String, log: RunnerLog
    ) -> Int32 {
        log.error(failure.message)
        let env = { (name: String) in environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        let notebook = (options?.notebook ?? env(EnvironmentName.notebook)).map { FileSystem.absolute($0, relativeTo: cwd) }
        var resultPath = (options?.result ?? env(EnvironmentName.result)).map { FileSystem.absolute($0, relativeTo: cwd) }
        if resultPath == nil {
            if FileSystem.isDirectory(RunConfiguration.workspace) {
                resultPath = "\(RunConfiguration.workspace)/results.json"
            } else if let notebook {
                resultPath = "\(FileSystem.parent(notebook))/\(FileSystem.stem(notebook)).result.json"
            }
        }
        var terminationLog: String?
        if let explicit = options?.terminationLog ?? environment[EnvironmentName.terminationLog] {
            terminationLog = explicit.isEmpty ? nil : FileSystem.absolute(explicit, relativeTo: cwd)
        } else if FileSystem.isWritableFile(RunConfiguration.defaultTerminationLog) {
            terminationLog = RunConfiguration.defaultTerminationLog
        }
        // Never write over an input or the output notebook (a bad option may be exactly that),
        // compared as files (``PathCollision``), and never replace a device or a FIFO.
        func absolute(_ path: String) -> String { FileSystem.absolute(path, relativeTo: cwd) }
        let output = (options?.output ?? env(EnvironmentName.output)).map(absolute)
        var untouchable = [
            notebook, output, (options?.golden ?? env(EnvironmentName.golden)).map(absolute),
            (options?.junit ?? env(EnvironmentName.junit)).map(absolute),
        ].compactMap { $0 }
        untouchable += (options?.parameterFiles ?? []).map(absolute) + (options?.envFiles ?? []).map(absolute)
        if let path = resultPath,
            SafeFileWriter.refusal(path) != nil || untouchable.contains(where: { PathCollision.sameFile(path, $0) })
        {
            resultPath = nil
        }
        if let path = terminationLog,
            SafeFileWriter.terminationLogRefusal(path) != nil
                || (untouchable + (resultPath.map { [$0] } ?? [])).contains(where: { PathCollision.sameFile(path, $0) })
        {
            terminationLog = nil
        }
        let budget = max(options?.terminationBudget ?? RunConfiguration.defaultTerminationBudget, TerminationMessage.minimumBudget)
        let now = Date.now
        let result = ResultAssembler.assemble(
            category: failure.category, message: failure.message, cells: [], failedCell: nil,
            configuration: nil, notebookPath: notebook ?? "", record: RunRecord(),
            timing: .init(started: now, finished: now))
        var published = result
        published.resultPath = resultPath
        return ResultPublisher(
            resultPath: resultPath, terminationLog: terminationLog,
            terminationBudget: budget, log: log
        ).publish(published)
    }
}
