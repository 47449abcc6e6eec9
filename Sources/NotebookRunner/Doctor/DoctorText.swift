/// The readable form of a ``DoctorReport``.
package enum DoctorText {
    package static func render(_ r: DoctorReport) -> String {
        var out: [String] = []
        func line(_ s: String = "") { out.append(s) }
        func mark(_ ok: Bool) -> String { ok ? "ok " : "!! " }

        line("nbrunner doctor \(r.runnerVersion)")
        line()
        let e = r.environment
        line("Identity")
        line("  uid \(e.uid), gid \(e.gid), supplementary groups \(e.groups.isEmpty ? "none" : e.groups.map(String.init).joined(separator: ","))")
        line(
            "  passwd entry: "
                + (e.passwdEntry ? "\(e.user ?? "?") (home \(e.passwdHome ?? "?"))" : "none (random UID: nbrunner sets HOME, USER and LOGNAME itself)"))
        line()
        line("Writable locations (checked by a real write; what a run would do)")
        line("  scratch folder: \(e.scratch ?? "NONE WRITABLE (set NBRUNNER_SCRATCH or mount an emptyDir at /workspace)")")
        for l in e.locations {
            let text: String
            switch l.decision {
            case .kept: text = "\(mark(true))\(l.name)=\(l.path ?? "") (set, writable: kept)"
            case .default: text = "\(mark(true))\(l.name) unset; default \(l.path ?? "") writable"
            case .set: text = "\(mark(true))\(l.name) would be set to \(l.path ?? "") (\(l.reason ?? ""))"
            case .redirected: text = "\(mark(true))\(l.name) would be redirected from \(l.from ?? "unset") to \(l.path ?? "") (\(l.reason ?? ""))"
            case .unavailable: text = "\(mark(false))\(l.name): no writable location (\(l.reason ?? ""))"
            }
            line("  " + text)
        }
        for n in e.notes { line("  note: \(n)") }
        line()
        let p = r.python
        line("Python and papermill")
        if let interpreter = p.interpreter {
            line("  interpreter: \(interpreter) → \(p.executable ?? "?") (Python \(p.version ?? "?"))")
        }
        if let v = p.papermillLocation {
            line(
                "  \(mark(true))papermill \(p.papermillVersion ?? "(version unknown)") at \(v) (run by nbrunner's launcher with this interpreter: PATH does not matter)"
            )
        }
        if let problem = p.problem { line("  \(mark(false))\(problem)") }
        if let ipykernel = p.ipykernel { line("  ipykernel importable: \(ipykernel ? "yes" : "no")") }
        line("  kernels: " + (p.kernels.isEmpty ? "none" : p.kernels.map(\.name).joined(separator: ", ")))
        for k in p.kernels { line("    \(k.name): \(k.path)") }
        if let n = r.notebook {
            line()
            line("Notebook")
            line("  \(n.path): kernel \(n.kernel ?? "?"), \(n.codeCells.map(String.init) ?? "?") code cells")
            line("  output \(n.output), result \(n.result)")
            line("  hard-coded credentials: " + (n.hardcodedCredentials.isEmpty ? "none" : ""))
            for finding in n.hardcodedCredentials { line("    !! \(finding)") }
        }
        line()
        line("Credentials in the environment (names only)")
        line("  present: " + (r.credentials.present.isEmpty ? "none" : r.credentials.present.joined(separator: ", ")))
        line(
            "  conventional names not set: " + (r.credentials.missingConventional.isEmpty ? "none" : r.credentials.missingConventional.joined(separator: ", ")))
        line("  masked in a run: " + (r.credentials.masked.isEmpty ? "none" : r.credentials.masked.joined(separator: ", ")))
        if !r.credentials.secretEnvMissing.isEmpty {
            line("  --secret-env names not set: " + r.credentials.secretEnvMissing.joined(separator: ", "))
        }
        for path in r.credentials.secretFiles {
            line("  \(mark(FileSystem.isRegularFile(path)))--secret-file \(path)" + (FileSystem.isRegularFile(path) ? "" : ": not found (a run exits 4)"))
        }
        line()
        line("Vault-rendered files (\(r.secrets.directory.isEmpty ? "folder turned off" : r.secrets.directory))")
        if r.secrets.directory.isEmpty {
            line("  not loaded (--secrets-dir '')")
        } else if !r.secrets.exists {
            line("  not present (no Vault Agent injection; the injector reads POD annotations)")
        } else if r.secrets.files.isEmpty {
            line("  \(mark(false))the folder is empty: nothing rendered yet")
        }
        for f in r.secrets.files {
            let keys = f.keys.isEmpty ? "no KEY=value lines" : "keys " + f.keys.joined(separator: ", ")
            line("  \(mark(f.problem == nil))\(f.name): \(f.problem ?? keys)")
        }
        for f in r.envFiles {
            line(
                "  \(mark(f.problem == nil))--env-file \(f.name): \(f.problem ?? (f.keys.isEmpty ? "no KEY=value lines" : "keys " + f.keys.joined(separator: ", ")))"
            )
        }
        line()
        line("Validation")
        if let p = r.validation.policy {
            func setting(_ name: String, _ s: ValidationPolicy.Setting) -> String { "\(name) \(s.enabled ? "on" : "off") (\(s.source))" }
            line("  level \(p.level.rawValue) (\(p.levelSource))")
            line(
                "  "
                    + [
                        setting("fail-on-stderr", p.failOnStderr), setting("fail-on-warnings", p.failOnWarnings),
                        setting("strict", p.strictMode), setting("detect-silent-failures", p.detectSilentFailures),
                    ].joined(separator: ", "))
        } else {
            line("  \(mark(false))the validation settings are not valid (see the verdict)")
        }
        if let golden = r.validation.golden {
            line("  golden notebook: \(golden) (\(r.validation.goldenStrategy?.rawValue ?? "normalized"))")
        }
        if let junit = r.validation.junit { line("  JUnit report: \(junit)") }
        line()
        line("Process")
        line("  seccomp: \(r.process.seccompText), NoNewPrivs: \(r.process.noNewPrivs.map { $0 ? "yes" : "no" } ?? "unknown")")
        switch (r.sandbox.mode, r.sandbox.unavailable) {
        case (.off, _): line("  sandbox: off (--sandbox off): no seccomp filter for the notebook")
        case (let mode, nil): line("  \(mark(true))sandbox \(mode.rawValue): a run would load the seccomp filter (docs/sandbox.md)")
        case (.on, let reason?): line("  \(mark(false))sandbox on: the seccomp filter would not load (\(reason)); a run warns and continues without it")
        case (_, let reason?): line("  \(mark(false))sandbox require: the seccomp filter would not load (\(reason)); a run would fail (exit 3)")
        }
        line(
            "  termination log: "
                + (r.terminationLog.path.map { "\($0) \(r.terminationLog.writable ? "writable" : "NOT writable")" }
                    ?? "none (not in a Kubernetes container, or disabled)"))
        line()
        if r.problems.count > 1 {
            line("Problems (in the order a run meets them; it stops at the first)")
            for p in r.problems { line("  \(mark(false))exit \(p.exitCode) (\(p.errorCategory.rawValue)): \(p.message)") }
            line()
        }
        line(
            r.verdict.exitCode == 0
                ? "Verdict: \(r.verdict.message)"
                : "Verdict: a run would fail with exit \(r.verdict.exitCode) (\(r.verdict.errorCategory.rawValue)): \(r.verdict.message)")
        return out.joined(separator: "\n") + "\n"
    }
}
