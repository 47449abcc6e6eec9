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
///   lose the cells executed since the last save. Once the final save begins, SIGTERM and SIGINT are ignored
///   so it cannot cut that write short.
///
/// - nbclient's `iopub_timeout` defaults to ``drainSeconds`` instead of 4 s (unless papermill
///   passes one): output already produced by a cell that finished must not fail it because the
///   CPU is too busy to drain it in 4 s.
/// - It drops `CAP_SYS_PTRACE` (bounding set included) before anything else, so that a kernel
///   run as root with full capabilities cannot open nbrunner's `/proc/PID/mem` either.
/// - It watches its stdin pipe (kept on another descriptor, not inherited): nbrunner keeps the
///   write end open until papermill has exited, so end of file means nbrunner died, even by
///   SIGKILL. It then kills its own descendants (the kernel, the notebook's processes) and what is
///   left in their sessions, then itself. (Not `PR_SET_PDEATHSIG`: that fires when the THREAD
///   that spawned the launcher exits, and nbrunner spawns from a pool thread that may.)
///
/// It is started before nbrunner's preflight has finished (``LauncherGate``): it imports papermill,
/// then reads one line from stdin. `go` runs papermill (stdin becomes /dev/null again, as papermill
/// had it before); anything else, or end of file, ends the launcher at once without output.
///
/// It patches nothing unless `save` and `notebook_complete` are plain functions of
/// `papermill.engines.NotebookExecutionManager` and `papermill.cli.papermill` exists; otherwise
/// it warns and runs papermill with its defaults. Tested with papermill 2.7.0 (these methods are
/// unchanged since papermill 2.0).
package enum PapermillLauncher {
    package static let marker = "[nbrunner-launcher]"

    /// nbclient's `iopub_timeout`: how long the output a cell has already produced may take to
    /// arrive after the kernel's reply (papermill: 4 s, and a timeout fails the cell). Output
    /// backlog on a busy CPU is not a failure, so it is generous; a cell that runs too long is
    /// still `--cell-timeout`'s (nbclient's `timeout`, which ends at the reply) and `--timeout`'s.
    package static let drainSeconds = 600

    /// `python -c SOURCE SAVE_EVERY_SECONDS PAPERMILL_ARGS...`, then `go` on stdin.
    package static let source = #"""
        # nbrunner papermill launcher \#(RunnerVersion.current): see PapermillLauncher.swift
        import os, signal, sys, threading, time

        DRAIN = \#(drainSeconds)  # nbclient's iopub_timeout: output still queued after a cell's reply

        def _table():
            table = {}
            for name in os.listdir("/proc"):
                if name.isdigit():
                    try:
                        with open("/proc/%s/stat" % name) as f:
                            text = f.read()
                    except OSError:
                        continue
                    fields = text[text.rindex(")") + 2:].split()
                    table[int(name)] = (int(fields[1]), int(fields[3]), fields[0])  # parent, session, state
            return table

        def _end_run():
            # nbrunner is gone: end the kernel and the notebook's processes (this launcher's descendants,
            # and whatever is left in their sessions, orphans included), then papermill itself.
            me, own = os.getpid(), os.getsid(0)
            sessions = set()
            deadline = time.monotonic() + 2
            while time.monotonic() < deadline:
                table = _table()
                mine, frontier = set(), [me]
                while frontier:
                    parent = frontier.pop()
                    for pid, (ppid, sid, state) in table.items():
                        if ppid == parent and pid not in mine:
                            mine.add(pid)
                            frontier.append(pid)
                sessions |= {table[pid][1] for pid in mine if table[pid][1] != own}
                targets = [pid for pid, (ppid, sid, state) in table.items()
                           if pid != me and state not in ("Z", "X") and (pid in mine or sid in sessions)]
                if not targets:
                    break
                for pid in targets:
                    try:
                        os.kill(pid, signal.SIGKILL)
                    except OSError:
                        pass
                time.sleep(0.02)
            os.kill(me, signal.SIGKILL)

        def _watch(fd):
            # nbrunner keeps the other end of this pipe open until papermill has exited; end of file
            # while papermill runs means nbrunner died (even by SIGKILL).
            try:
                while os.read(fd, 4096):
                    pass
            except OSError:
                pass
            _end_run()

        def _drop_ptrace():
            # CAP_SYS_PTRACE opens /proc/PID/mem even of a process that is not dumpable: a kernel run as
            # root with full capabilities could still rewrite nbrunner. Dropped from this (still
            # single-threaded) process's bounding, ambient, effective, permitted and inheritable sets,
            # it is gone for papermill, the kernel and everything they start. Best effort.
            try:
                import ctypes
                libc = ctypes.CDLL(None, use_errno=True)
                cap = 19  # CAP_SYS_PTRACE
                libc.prctl(24, cap, 0, 0, 0)  # PR_CAPBSET_DROP (needs CAP_SETPCAP)
                libc.prctl(47, 4, 0, 0, 0)  # PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL

                class Header(ctypes.Structure):
                    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]

                class Data(ctypes.Structure):
                    _fields_ = [("effective", ctypes.c_uint32), ("permitted", ctypes.c_uint32), ("inheritable", ctypes.c_uint32)]

                header, data = Header(0x20080522, 0), (Data * 2)()  # _LINUX_CAPABILITY_VERSION_3
                if libc.capget(ctypes.byref(header), data) == 0 and data[0].permitted & (1 << cap):
                    keep = ~(1 << cap) & 0xFFFFFFFF
                    data[0].effective &= keep
                    data[0].permitted &= keep
                    data[0].inheritable &= keep
                    libc.capset(ctypes.byref(header), data)
            except Exception:
                pass

        def _main():
            _drop_ptrace()
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
            gate = os.dup(0)  # not inherited: only this launcher watches it
            devnull = os.open(os.devnull, os.O_RDONLY)
            os.dup2(devnull, 0)
            os.close(devnull)
            threading.Thread(target=_watch, args=(gate,), daemon=True).start()
            try:
                from papermill.clientwrap import PapermillNotebookClient as client
                if callable(client.__dict__.get("__init__")):
                    init = client.__init__

                    def drained_init(self, *args, **kwargs):
                        kwargs.setdefault("iopub_timeout", DRAIN)
                        return init(self, *args, **kwargs)

                    client.__init__ = drained_init
            except Exception:
                pass  # papermill's own default (4 s) then applies
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
                    # the last write must not be cut short (nor the kernel's shutdown before it)
                    signal.signal(signal.SIGTERM, signal.SIG_IGN)
                    signal.signal(signal.SIGINT, signal.SIG_IGN)
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
