import FoundationEssentials
import Subprocess
import SystemPackage

/// Asks the interpreter for its facts without importing papermill (0.26 s) or jupyter_client:
/// a plain `python -c` (not `-S`, which drops site-packages, nor `-I`, which drops the user
/// site that `PIP_USER` installs use).
package enum PythonProbe {
    static let script = #"""
        import json, os, sys, site, importlib.util
        info = {"executable": sys.executable, "version": "%d.%d.%d" % sys.version_info[:3],
                "path": [os.path.abspath(p) if p else os.getcwd() for p in sys.path], "prefix": sys.prefix}
        try:
            info["user_base"] = site.getuserbase()
        except Exception:
            pass
        try:
            info["ipykernel"] = importlib.util.find_spec("ipykernel") is not None
        except Exception:
            info["ipykernel"] = False
        try:
            from jupyter_core.paths import jupyter_path
            info["kernel_dirs"] = jupyter_path("kernels")
        except Exception as e:
            info["jupyter_error"] = "%s: %s" % (type(e).__name__, e)
        try:
            info["ipython_kernels"] = os.path.join(os.environ.get("IPYTHONDIR") or os.path.join(os.path.expanduser("~"), ".ipython"), "kernels")
        except Exception:
            pass
        sys.stdout.write(json.dumps(info))
        """#

    /// A healthy interpreter answers in well under a second; one that hangs (a blocking
    /// sitecustomize, a dead network mount) must not hold the run, and stop signals, forever.
    static let timeLimit: Duration = .seconds(30)

    package static func run(python: String, environment: [String: String], workingDirectory: String) async throws(RunFailure) -> PythonFacts {
        let ending: BoundedProcess.Ending
        do {
            ending = try await BoundedProcess.run(
                python, ["-c", script], environment: environment,
                workingDirectory: workingDirectory, limit: timeLimit)
        } catch {
            throw RunFailure(.dependencyMissing, "\(python): cannot run the interpreter: \(error)")
        }
        let status: TerminationStatus
        let stdout: [UInt8]
        let stderr: [UInt8]
        switch ending {
        case .finished(let s, let output, let error):
            (status, stdout, stderr) = (s, output, error)
        case .timedOut:
            throw RunFailure(.dependencyMissing, "\(python) did not answer within \(RunDuration(timeLimit)) (python -c probe)")
        case .stopped(let signal):
            throw RunFailure(.cancelled, "cancelled by \(SignalName.of(signal)) while probing \(python)")
        }
        guard case .exited(0) = status else {
            let detail =
                String(decoding: stderr, as: UTF8.self)
                .split(separator: "\n").last.map(String.init) ?? "\(status)"
            throw RunFailure(.dependencyMissing, "\(python) does not work: \(TextClip.clip(detail, maxBytes: 300))")
        }
        do {
            return try ResultJSON.decoder().decode(PythonFacts.self, from: Data(stdout))
        } catch {
            throw RunFailure(.dependencyMissing, "\(python): unexpected answer to the interpreter probe (is it Python 3?)")
        }
    }

}
