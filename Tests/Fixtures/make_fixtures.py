"""Regenerates the fixture notebooks (run with the test venv's python from the repo root)."""
import nbformat
from nbformat.v4 import new_notebook, new_code_cell, new_markdown_cell

D = "Tests/Fixtures/notebooks/"

def nb(cells, kernel="python3"):
    n = new_notebook(cells=cells)
    if kernel:
        n.metadata["kernelspec"] = {"name": kernel, "display_name": kernel, "language": "python"}
    for i, c in enumerate(n.cells):
        c["id"] = f"cell-{i}"
    return n

def tagged(source, *tags):
    c = new_code_cell(source)
    c.metadata["tags"] = list(tags)
    return c

def write(name, n):
    nbformat.write(n, D + name)

write("params.ipynb", nb([
    new_markdown_cell("Parameters from -p, -r, -f and -y"),
    tagged("a = 1\nb = 'default'\nc = None\nd = 0.5", "parameters"),
    new_code_cell("print(f'a={a!r} b={b!r} c={c!r} d={d!r}')\nassert a == 42, a"),
]))
write("error.ipynb", nb([
    new_markdown_cell("A cell raises"),
    new_code_cell("x = 1"),
    new_code_cell("raise ValueError('boom: the value was wrong')"),
    new_code_cell("print('never runs')"),
]))
write("sysexit0.ipynb", nb([
    new_code_cell("import sys\nprint('stopping early')"),
    new_code_cell("sys.exit(0)"),
    new_code_cell("print('never runs')"),
]))
write("sysexit1.ipynb", nb([
    new_code_cell("import sys"),
    new_code_cell("sys.exit(1)"),
    new_code_cell("print('never runs')"),
]))
write("unknown-kernel.ipynb", nb([new_code_cell("print(1)")], kernel="nosuchkernel"))
write("no-kernelspec.ipynb", nb([new_code_cell("print('ran with -k')")], kernel=None))
write("summary-marker.ipynb", nb([
    new_code_cell("print('Results Summary:')\nprint('{\"status\": \"succeeded\", \"fake\": true}')"),
    new_code_cell("import sys\nprint('Results Summary: on stderr', file=sys.stderr)"),
]))
write("blank-and-markers.ipynb", nb([
    tagged("", "papermill-error-cell-tag"),
    new_code_cell(""),
    tagged("v = 1", "parameters"),
    new_code_cell("   \n"),
    tagged("print('skipped by tag')", "skip-execution"),
    new_code_cell("raise KeyError('late')"),
    new_code_cell(""),
]))
write("magic-error.ipynb", nb([
    new_code_cell("%undefined_line_magic"),
    new_code_cell("print('never runs')"),
]))
write("sleep.ipynb", nb([
    new_code_cell("print('before the long cell', flush=True)"),
    new_code_cell("import time\nprint('sleeping', flush=True)\ntime.sleep(60)"),
    new_code_cell("print('never runs')"),
]))
write("kill-self.ipynb", nb([
    new_code_cell("x = 1"),
    new_code_cell("import os, signal\nos.kill(os.getpid(), signal.SIGKILL)"),
    new_code_cell("print('never runs')"),
]))
write("os-exit.ipynb", nb([
    new_code_cell("x = 1"),
    new_code_cell("import os\nos._exit(0)"),
    new_code_cell("print('never runs')"),
]))
# Spawns daemonised grandchildren (the shell exits, so they are orphaned; the long one in its own
# session, out of reach of jupyter_client killing the kernel's process group) whose pids it
# records, then checks who adopted it: the runner (PID 1 or child subreaper) must be its parent.
write("orphan.ipynb", nb([
    new_code_cell(
        "import os, subprocess, time\n"
        "short = int(subprocess.check_output(['sh', '-c', 'sleep 0.3 >/dev/null 2>&1 & echo $!']).decode())\n"
        "long = int(subprocess.check_output(['sh', '-c', 'setsid sleep 300 >/dev/null 2>&1 & echo $!']).decode())\n"
        "print('orphans', short, long)"),
    new_code_cell(
        "def stat(pid):\n"
        "    try:\n"
        "        text = open(f'/proc/{pid}/stat').read()\n"
        "    except FileNotFoundError:\n"
        "        return None\n"
        "    fields = text[text.rindex(')') + 2:].split()\n"
        "    return fields[0], int(fields[1])\n"
        "papermill = os.getppid()\n"
        "runner = stat(papermill)[1]\n"
        "time.sleep(2)\n"
        "assert stat(short) is None, f'the exited orphan {short} was not reaped: {stat(short)}'\n"
        "state, parent = stat(long)\n"
        "assert parent == runner, f'orphan {long} was adopted by {parent}, not the runner {runner}'\n"
        "print('adopted by the runner', runner)"),
]))
write("memory-hog.ipynb", nb([
    new_code_cell("x = 1"),
    new_code_cell("hog = []\nwhile True:\n    hog.append(bytearray(64 * 1024 * 1024))"),
    new_code_cell("print('never runs')"),
]))
# What the kernel really got: every line is checked by the random-UID tests.
write("env-report.ipynb", nb([
    new_code_cell(
        "import os, getpass, pathlib, tempfile\n"
        "print('HOME=' + os.environ['HOME'])\n"
        "print('USER=' + getpass.getuser())\n"
        "print('MPLCONFIGDIR=' + os.environ.get('MPLCONFIGDIR', '<unset>'))\n"
        "pathlib.Path(os.environ['HOME'], 'probe.txt').write_text('ok')\n"
        "print('HOME-WRITE=ok')\n"
        "print('TMP=' + tempfile.gettempdir())"),
    new_code_cell("import IPython.paths\nprint('IPYTHONDIR=' + IPython.paths.get_ipython_dir())"),
]))
# Checks that secrets arrived without holding their values: compares SHA-256 digests given as
# parameters (the test passes them with -p).
secret_check = tagged("expected = {}", "parameters")
write("secret-env.ipynb", nb([
    secret_check,
    new_code_cell(
        "import os, hashlib\n"
        "for name, digest in expected.items():\n"
        "    assert name in os.environ, f'{name} missing'\n"
        "    assert hashlib.sha256(os.environ[name].encode()).hexdigest() == digest, f'{name} differs'\n"
        "print('verified', sorted(expected))"),
]))
# Leaks the password every way a notebook can: stdout, stderr, an exception message.
write("secret-leak.ipynb", nb([
    new_code_cell("import os, sys\npw = os.environ['DB_PASSWORD']\nprint('connecting with', pw)"),
    new_code_cell("import json\nprint('stderr:', pw, file=sys.stderr)\nprint(repr(pw))\nprint(json.dumps({'password': pw}))"),
    new_code_cell("raise ConnectionError(f'postgresql://reader:{pw}@db:5432/features refused')"),
]))
# Prints every credential variable it is given (names, a parameter) in every everyday form:
# print, repr, json.dumps with and without ensure_ascii, a dict, a pandas DataFrame (text/plain
# truncates long values, text/html escapes them), urlparse of URL variables, an application/json
# display whose keys and values are secrets, metadata, and an exception.
write("secret-forms.ipynb", nb([
    tagged("names = []\nurl_names = []\nfiles = []", "parameters"),
    new_code_cell(
        "import os, json\n"
        "values = {n: os.environ[n] for n in names}\n"
        "for n, v in values.items():\n"
        "    print(n, v)\n"
        "    print(repr(v), json.dumps(v), json.dumps({n: v}, ensure_ascii=False))\n"
        "for p in files:\n"
        "    key = json.load(open(p))\n"
        "    print(key['private_key_id'], key['private_key'])\n"
        "    print(json.dumps(key))\n"
        "values"),
    new_code_cell(
        "import pandas as pd\n"
        "pd.DataFrame({'name': list(values), 'value': list(values.values())})"),
    new_code_cell(
        "from urllib.parse import urlparse\n"
        "for n in url_names:\n"
        "    u = urlparse(os.environ[n])\n"
        "    print(n, 'user', u.username, 'password', u.password)"),
    new_code_cell(
        "from IPython.display import JSON, display\n"
        "first = next(iter(values.values()))\n"
        "display(JSON({first: {'name': first, 'id': first, 'status': first, 'language': first}}),\n"
        "        metadata={'source': first})"),
    new_code_cell("raise ConnectionError(f\"login failed for {values[names[-1]]}\")"),
]))
# Credentials written into the code: the scan finds them before the kernel starts.
write("hardcoded-credentials.ipynb", nb([
    new_markdown_cell("password = 'not-code-so-not-scanned'"),
    new_code_cell("aws_key = 'AKIAIOSFODNN7EXAMPLE'\nprint('using', aws_key)"),
    new_code_cell("import json\npassword = \"hunter2-Zx9-pw\"\nprint(json.dumps({'password': password}))"),
]))
# Long notebooks for the save policy: 199 cells that print their number, then a last cell that
# sleeps (stopped by SIGTERM or --timeout) or kills its own kernel.
def numbered(last):
    return nb([new_code_cell(f"print('cell-output-{i}')") for i in range(199)] + [new_code_cell(last)])
write("long-sleep.ipynb", numbered("import time\nprint('last cell sleeping', flush=True)\ntime.sleep(120)"))
write("long-kill.ipynb", numbered("import os, signal\nos.kill(os.getpid(), signal.SIGKILL)"))
# The sandbox: each cell tries one denied call through ctypes and prints what it got. Each call
# is harmless without the filter too (the tests run it both ways): PEEKDATA on a process we do
# not trace (ESRCH), unshare in a multithreaded kernel (EINVAL), a clone child that leaves at
# once, clone3 with no arguments (EINVAL), a mount on a missing folder (ENOENT).
syscall = (
    "import ctypes, errno, os\n"
    "libc = ctypes.CDLL(None, use_errno=True)\n"
    "def outcome(r):\n"
    "    return 'ok' if r != -1 else errno.errorcode[ctypes.get_errno()]\n")
write("sandbox-escape.ipynb", nb([
    new_code_cell(syscall),
    new_code_cell("print('ptrace', outcome(libc.ptrace(2, os.getppid(), None, None)))"),  # PTRACE_PEEKDATA
    new_code_cell("print('unshare', outcome(libc.unshare(0x10000000)))"),  # CLONE_NEWUSER
    # In a fresh single-threaded interpreter (it inherits the filter): a raw clone of the
    # multithreaded kernel copies only one thread and can leave the child hanging on a lock.
    new_code_cell(
        "import subprocess, sys\n"
        "probe = ('import ctypes, errno, os\\n'\n"
        "         'libc = ctypes.CDLL(None, use_errno=True)\\n'\n"
        "         'r = libc.syscall(56, 0x10000000 | 17, 0, 0, 0, 0)  # clone(CLONE_NEWUSER | SIGCHLD), x86_64\\n'\n"
        "         'if r == 0: os._exit(0)\\n'\n"
        "         'if r > 0: os.waitpid(r, 0)\\n'\n"
        "         'print(\"ok\" if r != -1 else errno.errorcode[ctypes.get_errno()])')\n"
        "print('clone-newuser', subprocess.run([sys.executable, '-c', probe], capture_output=True, text=True, timeout=30).stdout.strip())"),
    new_code_cell("print('clone3', outcome(libc.syscall(435, None, 0)))"),
    new_code_cell("print('mount', outcome(libc.mount(b'none', b'/nonexistent-nbrunner', b'tmpfs', 0, None)))"),
    # io_uring_setup with one entry and zeroed parameters; the ring is closed at once.
    new_code_cell(
        "params = ctypes.create_string_buffer(120)\n"
        "ring = libc.syscall(425, 1, params)  # io_uring_setup, x86_64\n"
        "print('io_uring', outcome(ring))\n"
        "if ring >= 0: os.close(ring)"),
    # personality: the query, ASLR off, and READ_IMPLIES_EXEC with bit 31 set (the kernel takes
    # that as a persona, not a query); whatever was set is put back at once.
    new_code_cell(
        "libc.personality.argtypes, libc.personality.restype = [ctypes.c_ulong], ctypes.c_int\n"
        "old = libc.personality(0xffffffff)\n"
        "print('personality-query', outcome(old))\n"
        "for name, persona in (('personality-aslr-off', 0x0040000), ('personality-exec-high', 0x80000000 | 0x0400000)):\n"
        "    r = libc.personality(persona)\n"
        "    print(name, outcome(r))\n"
        "    if r != -1: libc.personality(old)"),
]))
# What an ordinary notebook does, which the sandbox must not break.
write("ordinary-work.ipynb", nb([
    new_code_cell("import numpy as np\nprint(float(np.linalg.inv(np.eye(3) * 2).sum()))"),
    new_code_cell(
        "import multiprocessing as mp\n"
        "with mp.get_context('fork').Pool(2) as pool:\n"
        "    print(sum(pool.map(abs, range(-5, 5))))"),
    new_code_cell(
        "import subprocess, threading\n"
        "print(subprocess.run(['echo', 'from-subprocess'], capture_output=True, text=True, check=True).stdout.strip())\n"
        "t = threading.Thread(target=print, args=('from-thread',)); t.start(); t.join()"),
]))

# Validation policies: each cell trips one policy (judged from the cell's own outputs).
write("validation.ipynb", nb([
    new_markdown_cell("Validation policies"),
    new_code_cell("x = 1"),
    new_code_cell("import sys\nprint('progress: half way', file=sys.stderr)"),
    new_code_cell("import warnings\nwarnings.warn('this API is going away', DeprecationWarning, stacklevel=1)"),
    new_code_cell("import traceback\ntry:\n    1 / 0\nexcept ZeroDivisionError:\n    traceback.print_exc(file=sys.stdout)"),
    new_code_cell("print('done')"),
]))
# nbclient runs on past a cell tagged raises-exception; papermill 2.7.0 still exits 1.
write("raises-exception.ipynb", nb([
    new_code_cell("x = 1"),
    tagged("raise ValueError('expected failure')", "raises-exception"),
    new_code_cell("print('after', x)"),
]))

# Golden comparison: a notebook whose outputs change from run to run (a timestamp, a memory
# address, float noise, a random number in an ignored cell), and golden notebooks made by hand.
from nbformat.v4 import new_output

def ran(source, count, *outputs, tags=()):
    c = new_code_cell(source, execution_count=count)
    c.outputs = list(outputs)
    if tags:
        c.metadata["tags"] = list(tags)
    return c

def stdout(text):
    return new_output("stream", name="stdout", text=text)

def value(text, count):
    return new_output("execute_result", data={"text/plain": text}, execution_count=count)

golden_cells = [
    new_markdown_cell("# Golden"),
    new_code_cell("import datetime, random\nprint('run at', datetime.datetime.now())\nprint(object())"),
    new_code_cell("value = 0.1 + 0.2 + random.uniform(-1e-6, 1e-6)\nvalue"),
    new_code_cell("print('rows', 100)"),
    tagged("print(random.random())", "nbval-ignore-output"),
]
write("golden-source.ipynb", nb(golden_cells))

def golden(rows, extra=(), drop_last=0):
    cells = [
        new_markdown_cell("# Golden"),
        ran(golden_cells[1].source, 11, stdout("run at 2020-02-02 20:20:20.202020\n<object object at 0x7f0000000000>\n")),
        ran(golden_cells[2].source, 12, value("0.30000000000000004", 12)),
        ran(golden_cells[3].source, 13, stdout(f"rows {rows}\n")),
        ran(golden_cells[4].source, 14, stdout("0.123456789\n"), tags=("nbval-ignore-output",)),
    ] + list(extra)
    return nb(cells[:len(cells) - drop_last] if drop_last else cells)

write("golden-match.ipynb", golden(100))
# Cell 3 differs, and the golden notebook has one cell more.
write("golden-mismatch.ipynb", golden(99, extra=[ran("print('summary')", 15, stdout("summary\n"))]))
# One cell fewer than the executed notebook.
write("golden-short.ipynb", golden(100, drop_last=1))
# For secret-leak.ipynb: outputs that differ from any real run, so the diff quotes the run's.
write("golden-secret-leak.ipynb", nb([
    ran("import os, sys\npw = os.environ['DB_PASSWORD']\nprint('connecting with', pw)", 1, stdout("connecting with <none>\n")),
    ran("import json", 2, stdout("nothing\n")),
    ran("raise ConnectionError()", 3),
]))
# A raises-exception cell whose traceback is far longer than the stderr tail nbrunner keeps
# (papermill prints its exception's name first, then the whole cell traceback).
write("raises-exception-deep.ipynb", nb([
    new_code_cell("x = 1"),
    tagged("def f0(n):\n    raise ValueError('deep')\n"
           + "".join(f"def f{i}(n):\n    return f{i - 1}(n)\n" for i in range(1, 120))
           + "f119(1)", "raises-exception"),
    new_code_cell("print('after')"),
]))
# Validation lookalikes: stderr that only looks like a Python warning, ANSI-only stderr, a
# traceback header that is quoted or displayed rather than printed; then real warnings.
write("validation-lookalikes.ipynb", nb([
    new_code_cell(
        "import logging, sys, warnings\n"
        "logging.basicConfig(format='%(asctime)s: %(message)s', datefmt='%H:%M:%S')\n"
        "logging.warning('Warning: disk almost full')"),
    new_code_cell("print('12:30: Warning: text', file=sys.stderr)"),
    new_code_cell("sys.stderr.write('\\x1b[A\\x1b[2K\\r'); sys.stderr.flush()"),
    new_code_cell("print('log line: Traceback (most recent call last): quoted, not printed')"),
    new_code_cell(
        "class Shown:\n"
        "    def __repr__(self):\n"
        "        return 'Traceback (most recent call last):\\n  File \"x\", line 1\\nValueError: displayed, not raised'\n"
        "Shown()"),
    new_code_cell("warnings.warn_explicit('Columns (2) have mixed types', UserWarning, 'sys', 1)"),
    new_code_cell("warnings.warn('the plain category', Warning)"),
]))
# A cell tagged raises-exception that calls sys.exit(1): nbclient allows it like any error.
write("raises-sysexit.ipynb", nb([
    new_code_cell("x = 1"),
    tagged("import sys\nsys.exit(1)", "raises-exception"),
    new_code_cell("print('after', x)"),
]))
# More offending cells and warnings than the result lists (100 of each): each cell writes to
# stderr and prints a traceback without raising.
write("validation-many.ipynb", nb([new_code_cell("import sys, traceback")] + [
    new_code_cell(f"print('noise {i}', file=sys.stderr)\ntry:\n    1 / 0\nexcept ZeroDivisionError:\n    traceback.print_exc(file=sys.stdout)")
    for i in range(1, 106)]))
# The controller's reading of the pod log: output, an error and the last log lines full of braces,
# markers the notebook prints, a line far over the log's 4 KiB line cap.
write("braces.ipynb", nb([
    new_markdown_cell("Braces everywhere"),
    new_code_cell("import sys\nprint({'a': {'b': [1, 2]}})\nprint('Results Summary:')\n"
                  "print('Golden Notebook Summary: {\"cells\": []}')\nprint('}{ on stderr {', file=sys.stderr)\n"
                  "print('{' + 'x' * 10000 + '}')"),
    new_code_cell("d = {'k': 1}\nd['missing {key}']"),
    new_code_cell("print('never runs {}')"),
]))
# 399 cells that each print an 'Error:' line longer than the log's line cap, then one that sleeps
# until SIGTERM: the pod log's error lines, as the controller picks them, stay short.
write("many-errors-sleep.ipynb", nb(
    [new_code_cell(f"print('Error: cell {i} ' + '{{x}}' * 2000)") for i in range(399)]
    + [new_code_cell("import time\nprint('last cell sleeping', flush=True)\ntime.sleep(120)")]))
# The verdict-forging attack: the kernel finds nbrunner among its ancestors (by /proc/PID/comm),
# opens its /proc/PID/mem read-write and overwrites every `Results Summary:` it finds with
# `Results HACKED!:`. It prints how far it got, and whether the kernel itself is dumpable.
write("runner-memory.ipynb", nb([
    new_code_cell(
        "import ctypes, errno, os\n"
        "def parent(pid):\n"
        "    text = open(f'/proc/{pid}/stat').read()\n"
        "    return int(text[text.rindex(')') + 2:].split()[1])\n"
        "runner = os.getpid()\n"
        "while runner > 1 and open(f'/proc/{runner}/comm').read().strip() != 'nbrunner':\n"
        "    runner = parent(runner)\n"
        "print('runner', runner, open(f'/proc/{runner}/comm').read().strip())\n"
        "libc = ctypes.CDLL(None, use_errno=True)\n"
        "print('kernel-dumpable', libc.prctl(3, 0, 0, 0, 0))  # PR_GET_DUMPABLE\n"
        "marker, forged = b'Results ' + b'Summary:', b'Results HACKED!:'\n"
        "patched = 0\n"
        "try:\n"
        "    maps = open(f'/proc/{runner}/maps').read().splitlines()\n"
        "    mem = open(f'/proc/{runner}/mem', 'r+b', buffering=0)\n"
        "except OSError as error:\n"
        "    print('mem-open', errno.errorcode[error.errno])\n"
        "else:\n"
        "    print('mem-open ok')\n"
        "    for line in maps:\n"
        "        fields = line.split()\n"
        "        if not fields[1].startswith('r') or fields[-1] in ('[vvar]', '[vvar_vclock]', '[vsyscall]'):\n"
        "            continue\n"
        "        start, end = (int(x, 16) for x in fields[0].split('-'))\n"
        "        try:\n"
        "            mem.seek(start)\n"
        "            data = mem.read(end - start)\n"
        "        except OSError:\n"
        "            continue\n"
        "        at = data.find(marker)\n"
        "        while at >= 0:\n"
        "            try:\n"
        "                mem.seek(start + at)\n"
        "                mem.write(forged)\n"
        "                patched += 1\n"
        "            except OSError:\n"
        "                pass\n"
        "            at = data.find(marker, at + 1)\n"
        "print('patched', patched)"),
    new_code_cell("print('done')"),
]))
# A daemon that ignores SIGTERM, SIGINT and SIGHUP and keeps forking: every generation forks,
# the parent exits and the child starts a new session, so it has a new pid (and group) every
# 20 ms and is orphaned each time. (Faster forkers are killed by this test machine's own PID 1
# after a few hundred forks, which would hide a leak.)
write("forking-daemon.ipynb", nb([
    new_code_cell(
        "import subprocess, sys\n"
        "daemon = '''\n"
        "import os, signal, time\n"
        "for s in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):\n"
        "    signal.signal(s, signal.SIG_IGN)\n"
        "stop = time.monotonic() + 60  # a leak ends by itself\n"
        "while time.monotonic() < stop:\n"
        "    if os.fork():\n"
        "        os._exit(0)\n"
        "    os.setsid()\n"
        "    time.sleep(0.02)\n"
        "'''\n"
        "subprocess.Popen([sys.executable, '-c', daemon], stdin=subprocess.DEVNULL,\n"
        "                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
        "print('daemon started')"),
    new_code_cell("import time\ntime.sleep(1)\nprint('done')"),
]))
# For kill -9 of nbrunner: the kernel starts a child and an orphan in its own session, then
# sleeps in the next cell.
write("busy-tree.ipynb", nb([
    new_code_cell(
        "import subprocess\n"
        "child = subprocess.Popen(['sleep', '300'])\n"
        "subprocess.run(['sh', '-c', 'sleep 300 >/dev/null 2>&1 &'])\n"
        "print('tree started', flush=True)"),
    new_code_cell("import time\nprint('sleeping', flush=True)\ntime.sleep(120)"),
]))
# Output backlog: 50 MB printed in one cell, then a marker; run under a CPU quota, papermill
# needs far more than nbclient's default 4 s iopub_timeout to drain it after the reply.
write("heavy-output.ipynb", nb([
    new_code_cell("line = 'x' * 999\nfor i in range(50_000):\n    print(line)\nprint('printed-all')"),
    new_code_cell("print('after')"),
]))
# A stop right after the last cell: the test sends SIGTERM once `last-cell-done` is printed,
# while papermill shuts the kernel down and saves. The kernel takes 4 s to exit (an atexit
# hook), so the stop always lands in that shutdown, never after papermill is gone.
write("late-stop.ipynb", nb([
    new_code_cell("import atexit, time\natexit.register(time.sleep, 4)\nprint('first')"),
    new_code_cell("print('last-cell-done', flush=True)"),
]))
# The kernel SIGKILLs papermill (its parent) in the third cell: with --save-every 1h the outputs
# of the first two cells were never saved.
write("kill-papermill.ipynb", nb([
    new_code_cell("print('one')"),
    new_code_cell("print('two')"),
    new_code_cell("import os, signal, time\ntime.sleep(0.5)\nos.kill(os.getppid(), signal.SIGKILL)\ntime.sleep(5)"),
    new_code_cell("print('never runs')"),
]))
