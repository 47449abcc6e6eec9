import Subprocess

/// The opt-in runtime install (`--allow-install`): `python -m pip install --user` of pinned
/// papermill into a writable PYTHONUSERBASE. Success is pip's exit code AND a fresh probe that
/// finds papermill importable: pip can exit 0 when nothing was installed (`Permission denied`
/// into an unwritable home, a user site that Python ignores), and can print `ERROR:` about its
/// dependency resolver while exiting 0 with a working install.
package enum RuntimeInstaller {
    package static let papermillRequirement = "papermill==2.7.0"
    /// pip against a slow index can take minutes; a hung one must not hold the pod.
    static let timeLimit: Duration = .seconds(600)

    package struct Installed: Sendable {
        package var facts: PythonFacts
        package var papermill: PapermillInstall
    }

    /// Where the install goes, and what that changes: the child's environment and the
    /// environment report, with a PYTHONUSERBASE redirected into the scratch folder when the
    /// one set is not writable.
    package struct UserBase: Sendable {
        package var path: String
        package var environment: [String: String]
        package var report: EnvironmentReport
    }

    /// A writable user base: the one set, else one in the scratch folder.
    package static func userBase(environment: [String: String], report: EnvironmentReport, log: RunnerLog) throws(RunFailure) -> UserBase {
        var environment = environment
        var report = report
        let set = environment["PYTHONUSERBASE"].flatMap { $0.isEmpty ? nil : $0 }
        if let set, EnvironmentSetup.writable(set) {
            report.locations.append(.init(name: "PYTHONUSERBASE", decision: .kept, path: set))
            return UserBase(path: set, environment: environment, report: report)
        }
        guard let scratch = report.scratch else {
            throw RunFailure(
                .dependencyInstallFailed, "no writable PYTHONUSERBASE for the install (\(set ?? "unset")) and no writable scratch folder")
        }
        let target = "\(scratch)/.local"
        try? WritableProbe.makeDirectories(target, mode: 0o770)
        report.locations.append(
            .init(
                name: "PYTHONUSERBASE", decision: .redirected, path: target, from: set,
                reason: set.map { "\($0) is not writable" } ?? "unset; needed for --allow-install"))
        log.info("environment: PYTHONUSERBASE redirected from \(set ?? "unset") to \(target) for the install")
        environment["PYTHONUSERBASE"] = target
        return UserBase(path: target, environment: environment, report: report)
    }

    package static func install(
        python: String, withIpykernel: Bool, userBase: UserBase, workingDirectory: String,
        log: RunnerLog
    ) async throws(RunFailure) -> Installed {
        func fail(_ message: String) -> RunFailure { RunFailure(.dependencyInstallFailed, message) }
        let environment = userBase.environment

        var packages = [papermillRequirement]
        if withIpykernel { packages.append("ipykernel") }
        let arguments =
            [
                "-m", "pip", "install", "--user", "--no-cache-dir", "--disable-pip-version-check",
                "--no-input",
            ] + packages
        log.info("installing \(packages.joined(separator: " ")) with pip into \(userBase.path) (--allow-install)")
        let status: TerminationStatus
        let output: [UInt8]
        let ending: BoundedProcess.Ending
        do {
            ending = try await BoundedProcess.run(
                python, arguments, environment: environment,
                workingDirectory: workingDirectory, limit: timeLimit, combineOutput: true)
        } catch {
            throw fail("could not run pip: \(error)")
        }
        switch ending {
        case .finished(let s, let o, _):
            status = s
            output = o
        case .timedOut:
            throw fail("pip did not finish within \(RunDuration(timeLimit))")
        case .stopped(let signal):
            throw RunFailure(.cancelled, "cancelled by \(SignalName.of(signal)) during the papermill install")
        }
        let lines = String(decoding: output, as: UTF8.self).split(separator: "\n").map(String.init)
        for line in lines.suffix(15) { log.info("pip: \(line)") }

        guard case .exited(0) = status else {
            let reason = lines.last { $0.hasPrefix("ERROR:") || $0.hasPrefix("error:") } ?? lines.last ?? "\(status)"
            let how: String
            switch status {
            case .exited(let code): how = "exit \(code)"
            case .signaled(let signal): how = "killed by \(SignalName.of(signal))"
            }
            throw fail("pip install failed (\(how)): \(TextClip.clip(reason, maxBytes: 400))")
        }
        // pip's word is not enough: ask the interpreter again.
        let facts = try await PythonProbe.run(python: python, environment: environment, workingDirectory: workingDirectory)
        guard let papermill = PapermillLocator.find(in: facts.path) else {
            throw fail(
                "pip exited 0 but papermill is still not importable by \(facts.executable) (is the user site \(userBase.path) on its path? PYTHONNOUSERSITE and virtualenvs without system site-packages hide it)"
            )
        }
        log.info("installed papermill \(papermill.version ?? "?") at \(papermill.location)")
        return Installed(facts: facts, papermill: papermill)
    }
}
