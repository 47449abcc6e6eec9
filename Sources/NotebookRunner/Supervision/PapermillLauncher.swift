/// The Python that runs the notebook (besides the read-only interpreter probe): a small
/// launcher, run by the image's interpreter with `python -c`, that wraps papermill and then calls
/// papermill's own command line unchanged.
///
/// What it changes, and why:
/// - `NotebookExecutionManager.save` writes at most once per `--save-every` interval (papermill
///   rewrites the WHOLE notebook at every cell start and end: O(cells × size)), but always
///   inside `notebook_complete`, which papermill calls from a `finally` when the run ends for
///   any reason (success, cell error, cell timeout, dead kernel, SIGINT). An interval of 0 keeps
///   papermill's per-cell saves.
/// - SIGTERM to papermill raises `SystemExit(143)` instead of killing it on the spot, so that
///   `finally` also runs when nbrunner escalates past `--grace`. Only a SIGKILL of papermill can
///   lose the cells executed since the last save. Once the final save begins, SIGTERM is ignored
///   so it cannot cut that write short.
///
/// It is started before nbrunner's preflight has finished (``LauncherGate``): it imports papermill,
/// then reads one line from stdin. `go` runs papermill (stdin becomes /dev/null again, as papermill
/// had it before); anything else, or end of file, ends the launcher at once without output.
///
/// It patches nothing unless `save` and `notebook_complete` are plain functions of
/// `papermill.engines.NotebookExecutionManager` and `papermill.cli.papermill` exists; otherwise
/// it warns and runs papermill with its defaults. Tested with papermill 2.7.0 (these methods are
/// unchanged since papermill 2.0).
public enum PapermillLauncher {
    public static let marker = "[nbrunner-launcher]"

    /// `python -c SOURCE SAVE_EVERY_SECONDS PAPERMILL_ARGS...`, then `go` on stdin.
    public static let source = #"""
# nbrunner papermill launcher \#(RunnerVersion.current): see PapermillLauncher.swift
import os, signal, sys, time

def _main():
    every = float(sys.argv[1])
    args = sys.argv[2:]
    problem = None
    try:
        import papermill.engines as engines
        from papermill.cli import papermill as cli
        manager = engines.NotebookExecutionManager
        hooks_ok = all(callable(manager.__dict__.get(name)) for name in ("save", "notebook_complete"))
    except Exception as error:  # papermill moved or broke: let papermill itself report it
        cli, hooks_ok, problem = None, False, "%s: %s" % (type(error).__name__, error)
    # nbrunner's preflight ran meanwhile; its decision comes on stdin.
    if sys.stdin.buffer.readline().strip() != b"go":
        os._exit(0)
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    os.close(devnull)
    if cli is not None and hooks_ok:
        save, complete = manager.save, manager.notebook_complete

        def throttled_save(self, **kwargs):
            now = time.monotonic()
            last = getattr(self, "_nbrunner_last_write", None)
            if every <= 0 or getattr(self, "_nbrunner_final", False) or last is None or now - last >= every:
                self._nbrunner_last_write = now
                return save(self, **kwargs)
            self.last_save_time = self.now()  # keep papermill's autosave bookkeeping in step

        def final_save(self, **kwargs):
            self._nbrunner_final = True
            signal.signal(signal.SIGTERM, signal.SIG_IGN)  # the last write must not be cut short
            return complete(self, **kwargs)

        manager.save = throttled_save
        manager.notebook_complete = final_save
    elif problem is not None:
        sys.stderr.write("\#(marker) warning: could not import papermill (%s); running python -m papermill\n" % problem)
        sys.stderr.flush()
    else:
        sys.stderr.write("\#(marker) warning: papermill's NotebookExecutionManager.save/notebook_complete "
                         "were not found; running papermill with its own save policy\n")
        sys.stderr.flush()

    def terminate(signum, frame):
        raise SystemExit(128 + signum)
    signal.signal(signal.SIGTERM, terminate)

    sys.argv = ["papermill"] + args
    if cli is not None:
        cli()
    else:
        import runpy
        runpy.run_module("papermill", run_name="__main__", alter_sys=True)

_main()
"""#
}
