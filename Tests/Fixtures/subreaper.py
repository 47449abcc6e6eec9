"""Runs a command as `tini -s` does when it is not PID 1: a child subreaper that reaps orphans
but never ends them, so whatever outlives the command is still there to be seen (processes
re-parented to the machine's own PID 1 may be killed by it, which would hide a leak).

    python subreaper.py COMMAND...

SIGUSR1 to this wrapper becomes SIGKILL to the command (to kill nbrunner mid-run). After the
command has exited it watches for up to 10 s for processes that carry this run's
NBRUNNER_TEST_TOKEN, prints `[subreaper] survivors N after S s: PIDS` on stderr (N 0: none left,
S when that was first seen), then ends any that are left (stopping them first, so a forking
daemon cannot escape) and exits with the command's status."""
import ctypes, os, signal, subprocess, sys, time

ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
token = ("NBRUNNER_TEST_TOKEN=" + os.environ.get("NBRUNNER_TEST_TOKEN", "")).encode()
child = subprocess.Popen(sys.argv[1:])
signal.signal(signal.SIGUSR1, lambda *_: child.kill())


def reap():
    try:
        while os.waitpid(-1, os.WNOHANG)[0] > 0:
            pass
    except ChildProcessError:
        pass


def run_processes():
    found = []
    for name in os.listdir("/proc"):
        if not name.isdigit() or int(name) == os.getpid():
            continue
        try:
            with open("/proc/%s/environ" % name, "rb") as f:
                if token not in f.read().split(b"\0"):
                    continue
            with open("/proc/%s/stat" % name) as f:
                if f.read().rsplit(")", 1)[1].split()[0] in ("Z", "X"):
                    continue
        except OSError:
            continue
        found.append(int(name))
    return found


while True:
    try:
        code = child.wait()
        break
    except InterruptedError:
        continue
start = time.monotonic()
left = run_processes()
while left and time.monotonic() - start < 10:
    reap()
    time.sleep(0.05)
    left = run_processes()
elapsed = time.monotonic() - start
sys.stderr.write("[subreaper] survivors %d after %.1f s: %s\n" % (len(left), elapsed, " ".join(map(str, left[:20]))))
sys.stderr.flush()
for _ in range(200):
    left = run_processes()
    if not left:
        break
    for pid in left:
        try:
            os.kill(pid, signal.SIGSTOP)
        except OSError:
            pass
for pid in run_processes():
    os.kill(pid, signal.SIGKILL)
time.sleep(0.1)
reap()
sys.exit(code if code >= 0 else 128 - code)
