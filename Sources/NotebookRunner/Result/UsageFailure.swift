import FoundationEssentials

/// A run that fails before it has a configuration (bad flags, bad env values) still gets the
/// documented exit code, a valid result JSON on stdout, and, where a location can be worked out,
/// the result file and termination message.
package enum UsageFailure {
    package static func publish(
        _ failure: RunFailure, options: RunOptions?, environment: [String: String],
        cwd: String, log: RunnerLog
    ) -> Int32 {
        log.error(failure.message)
        let source = OptionSource(options: options ?? RunOptions(), environment: environment)
        let notebook = source.text(.notebook).map { FileSystem.absolute($0, relativeTo: cwd) }
        var resultPath = source.text(.result).map { FileSystem.absolute($0, relativeTo: cwd) }
        if resultPath == nil {
            if FileSystem.isDirectory(RunConfiguration.workspace) {
                resultPath = "\(RunConfiguration.workspace)/results.json"
            } else if let notebook {
                resultPath = "\(FileSystem.parent(notebook))/\(FileSystem.stem(notebook)).result.json"
            }
        }
        var terminationLog: String?
        if let explicit = source.text(.terminationLog) {
            terminationLog = explicit.isEmpty ? nil : FileSystem.absolute(explicit, relativeTo: cwd)
        } else if FileSystem.isWritableFile(RunConfiguration.defaultTerminationLog) {
            terminationLog = RunConfiguration.defaultTerminationLog
        }
        // Never write over an input or the output notebook (a bad option may be exactly that),
        // compared as files (``PathCollision``), and never replace a device or a FIFO.
        func absolute(_ path: String) -> String { FileSystem.absolute(path, relativeTo: cwd) }
        var untouchable = ([notebook] + [RunOption.output, .golden, .junit].map { source.text($0).map(absolute) }).compactMap { $0 }
        untouchable += (source.values(.parametersFile) + source.values(.envFile)).map(absolute)
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
        let budget = max(
            source.text(.terminationBudget).flatMap { Int($0) } ?? RunConfiguration.defaultTerminationBudget, TerminationMessage.minimumBudget)
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
