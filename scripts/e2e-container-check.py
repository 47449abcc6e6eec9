"""The notebooks and the asserts of scripts/e2e-container.sh (standard library only).

    e2e-container-check.py notebooks DIR   writes the e2e notebooks (nbformat 4.5 JSON) into DIR
    e2e-container-check.py vault-files DIR writes Vault-style env files with fresh random
                                           values into DIR/secrets, and the values into
                                           DIR/values.json (for the vault case's checks)
    e2e-container-check.py CASE DIR        checks what the case left in DIR: rc, stdout,
                                           stderr, termination-log, workspace/

The result is found in the output as the operator's controller finds it in the pod log: the
first `Results Summary:`, then from the first `{` after it to the last `}`. Inside a container
nbrunner may write its log to stdout or stderr; the summary block comes last. stdout and
stderr are captured apart here, so the log is read as stderr followed by stdout: the order a
pod log has them when the block is printed last, whichever stream the log went to.

Prints one "  - " line per failed assert and exits 1 if there was any.
"""
import hashlib
import json
import os
import re
import secrets
import sys

UID, GID = 1000920000, 0          # the restricted pod's random UID, in group 0
NB_UID, NB_GID = 1000, 100         # the image's own user, jovyan (images/e2e/base/Containerfile)
BUDGET = 4096


def notebook(cells):
    out = []
    for i, (source, tags) in enumerate(cells):
        meta = {"tags": list(tags)} if tags else {}
        if source.startswith("# md\n"):
            out.append({"cell_type": "markdown", "id": f"cell-{i}", "metadata": meta,
                        "source": source[5:]})
        else:
            out.append({"cell_type": "code", "execution_count": None, "id": f"cell-{i}",
                        "metadata": meta, "outputs": [], "source": source})
    return {"cells": out, "nbformat": 4, "nbformat_minor": 5, "metadata": {
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "language_info": {"name": "python"}}}


NOTEBOOKS = {
    # Passes; shows where HOME went and that it is writable.
    "ok.ipynb": [
        ("# md\ne2e: a notebook that passes", ()),
        ("greeting = 'hello'", ("parameters",)),
        ("import os, pathlib, tempfile, getpass\n"
         "print('HOME=' + os.environ['HOME'])\n"
         "pathlib.Path.home().joinpath('probe.txt').write_text('ok')\n"
         "print('HOME-WRITE=ok')\n"
         "print('TMP=' + tempfile.gettempdir())\n"
         "print('USER=' + getpass.getuser())\n"
         "print(f'UID={os.getuid()} GID={os.getgid()}')", ()),
        ("print(greeting, 6 * 7)", ()),
    ],
    # Cell 2 raises with a 20 kB message: the termination message must still fit.
    "fail.ipynb": [
        ("x = 1", ()),
        ("print('before the failure')", ()),
        ("raise ValueError('e2e boom: ' + 'x' * 20000)", ()),
        ("print('never runs')", ()),
    ],
    # The local flow's notebook (images/README.md): passes, and writes into HOME.
    "test.ipynb": [
        ("import os, pathlib\n"
         "pathlib.Path.home().joinpath('probe.txt').write_text('ok')\n"
         "print('HOME=' + os.environ['HOME'], 'UID=%d GID=%d' % (os.getuid(), os.getgid()))", ()),
        ("print(6 * 7)", ()),
    ],
    # Sees the Vault-rendered variables (by their hashes), prints one by accident, and fails
    # with it in the exception: the value must be in no output (log, result, termination
    # message, output notebook).
    "vault.ipynb": [
        ("import os, hashlib\n"
         "def h(name):\n"
         "    return hashlib.sha256(os.environ[name].encode()).hexdigest()\n"
         "for name in ('DB_USER', 'DB_PASSWORD', 'AWS_SECRET_ACCESS_KEY'):\n"
         "    print(f'{name}-SHA256={h(name)}')", ()),
        ("pw = os.environ['DB_PASSWORD']\n"
         "print('password is', pw)\n"
         "print(repr({'password': pw}))", ()),
        ("user = os.environ['DB_USER']\n"
         "raise ConnectionError(f'postgresql://{user}:{pw}@db:5432/features refused')", ()),
    ],
    # Cell 2 sleeps long enough to be stopped.
    "sleep.ipynb": [
        ("print('before the long cell', flush=True)", ()),
        ("value = 6 * 7\nprint('value', value)", ()),
        ("import time\nprint('sleeping', flush=True)\ntime.sleep(600)", ()),
        ("print('never runs')", ()),
    ],
}


CUT = re.compile(r"…\[\d+ bytes cut\]$")


def same_but_cut(block, whole):
    """The block's value equals the result file's, except strings the block cut to keep its
    lines within 4096 bytes (`…[N bytes cut]`): those must be a start of the whole string."""
    if isinstance(block, str) and isinstance(whole, str) and block != whole:
        m = CUT.search(block)
        return bool(m) and whole.startswith(block[:m.start()])
    if isinstance(block, list) and isinstance(whole, list):
        return len(block) == len(whole) and all(same_but_cut(a, b) for a, b in zip(block, whole))
    if isinstance(block, dict) and isinstance(whole, dict):
        return block.keys() == whole.keys() and all(same_but_cut(block[k], whole[k]) for k in block)
    return block == whole


class Checker:
    def __init__(self, case, d):
        self.case, self.d, self.misses = case, d, []

    def expect(self, cond, what):
        if not cond:
            self.misses.append(what)
        return cond

    def read(self, name):
        try:
            with open(os.path.join(self.d, name), "rb") as f:
                return f.read()
        except OSError:
            return None

    def json_file(self, name):
        raw = self.read(name)
        if not self.expect(raw is not None, f"{name} is missing"):
            return {}
        try:
            return json.loads(raw)
        except ValueError as e:
            self.expect(False, f"{name} is not valid JSON: {e}")
            return {}

    def rc(self, want):
        got = (self.read("rc") or b"?").decode().strip()
        self.expect(got == str(want), f"exit code {got}, expected {want}")

    def text(self, name):
        return (self.read(name) or b"").decode(errors="replace")

    def log(self):
        """The pod log as the controller reads it: stderr, then stdout (module docstring)."""
        return self.text("stderr") + self.text("stdout")

    def summary(self):
        """The result, found as the controller finds it: the first `Results Summary:` in the
        log, then from the first `{` after it to the last `}` of the whole log."""
        log = self.log()
        at = log.find("Results Summary:")
        if not self.expect(at >= 0, "the log has no `Results Summary:`"):
            return {}
        start, end = log.find("{", at), log.rfind("}")
        if not self.expect(0 <= start < end, "no `{ … }` after `Results Summary:`"):
            return {}
        stdout = self.text("stdout")
        self.expect(stdout.rstrip().endswith("}") and "Results Summary:" in stdout,
                    f"the Results Summary block is not the last thing on stdout: {stdout[-200:]!r}")
        try:
            s = json.loads(log[start:end + 1])
        except ValueError as e:
            self.expect(False, f"the Results Summary is not JSON: {e}")
            return {}
        if not self.expect(isinstance(s, dict), "the Results Summary is not a JSON object"):
            return {}
        return s

    def termination(self, status, category, exit_code):
        raw = self.read("termination-log")
        if not self.expect(raw, "the termination log is empty or missing"):
            return {}
        self.expect(len(raw) <= BUDGET, f"termination message is {len(raw)} bytes (> {BUDGET})")
        try:
            msg = json.loads(raw)
        except ValueError as e:
            self.expect(False, f"termination message is not valid JSON: {e}")
            return {}
        self.outcome("termination message", msg, status, category, exit_code)
        return msg

    def outcome(self, where, r, status, category, exit_code):
        self.expect(r.get("status") == status, f"{where}: status {r.get('status')!r}, expected {status!r}")
        self.expect(r.get("error_category") == category,
                    f"{where}: error_category {r.get('error_category')!r}, expected {category!r}")
        self.expect(r.get("exit_code") == exit_code,
                    f"{where}: exit_code {r.get('exit_code')!r}, expected {exit_code}")

    def result(self, name, status, category, exit_code, uid=UID, gid=GID):
        r = self.json_file(f"workspace/{name}")
        self.outcome(name, r, status, category, exit_code)
        s = self.summary()
        self.outcome("Results Summary", s, status, category, exit_code)
        self.expect(s.get("timestamp") and same_but_cut(s.get("cells"), r.get("cells")),
                    "the Results Summary is not the result file's JSON")
        long = [len(l.encode()) for l in self.text("stdout").split("\n") if len(l.encode()) > 4096]
        self.expect(not long, f"log lines over 4096 bytes: {long[:5]}")
        env = r.get("environment", {})
        self.expect(env.get("uid") == uid and env.get("gid") == gid,
                    f"{name}: environment uid/gid {env.get('uid')}/{env.get('gid')}, expected {uid}/{gid}")
        return r

    def owned(self, name):
        try:
            st = os.stat(os.path.join(self.d, "workspace", name))
        except OSError:
            return self.expect(False, f"workspace/{name} is missing")
        self.expect((st.st_uid, st.st_gid) == (UID, GID),
                    f"workspace/{name} is owned by {st.st_uid}:{st.st_gid}, expected {UID}:{GID}")

    def notebook(self, name):
        nb = self.json_file(f"workspace/{name}")
        self.expect(nb.get("nbformat") == 4, f"{name}: nbformat {nb.get('nbformat')!r}, expected 4")
        return nb

    def cell_text(self, nb, marker):
        """The text of the outputs of the (first) code cell whose source contains marker."""
        for c in nb.get("cells", []):
            src = c.get("source", "")
            src = "".join(src) if isinstance(src, list) else src
            if c.get("cell_type") == "code" and marker in src:
                parts = []
                for o in c.get("outputs", []):
                    t = o.get("text", "")
                    parts.append("".join(t) if isinstance(t, list) else t)
                    if o.get("output_type") == "error":
                        parts.append(f"{o.get('ename')}: {o.get('evalue')}")
                return "".join(parts)
        self.expect(False, f"no code cell with {marker!r} in the output notebook")
        return ""

    # --- the cases --------------------------------------------------------------------------

    def case_pass(self):
        self.rc(0)
        r = self.result("results.json", "succeeded", "none", 0)
        self.expect(r.get("output_path") == "/workspace/output.ipynb",
                    f"output_path {r.get('output_path')!r}, expected the default /workspace/output.ipynb")
        self.expect(r.get("statistics", {}).get("failed_cells") == 0, "statistics.failed_cells is not 0")
        env = r.get("environment", {})
        self.expect(env.get("passwd_entry") is False, "environment.passwd_entry is not false")
        home = next((l for l in env.get("locations", []) if l.get("name") == "HOME"), {})
        self.expect(home.get("decision") == "redirected" and home.get("from") == "/home/jovyan"
                    and home.get("path", "").startswith("/workspace/"),
                    f"HOME was not redirected from /home/jovyan into /workspace: {home}")
        sandbox = r.get("sandbox", {})
        self.expect(sandbox.get("mode") == "require" and sandbox.get("active") is True,
                    f"the seccomp filter did not load inside the container (NBRUNNER_SANDBOX=require): {sandbox}")
        t = self.termination("succeeded", "none", 0)
        self.expect("message" not in t, "the termination message of a pass has a message")
        for name in ("output.ipynb", "results.json"):
            self.owned(name)
        nb = self.notebook("output.ipynb")
        text = self.cell_text(nb, "HOME-WRITE")
        for want in (f"HOME={home.get('path')}\n", "HOME-WRITE=ok", "USER=user-1000920000",
                     f"UID={UID} GID={GID}"):
            self.expect(want in text, f"the environment cell printed no {want!r}: {text!r}")
        self.expect("e2e 42" in self.cell_text(nb, "print(greeting"),
                    "NBRUNNER_PARAMETERS=greeting=e2e did not reach the notebook")

    def case_fail(self):
        self.rc(1)
        r = self.result("fail.result.json", "failed", "notebook_execution_failed", 1)
        fc = r.get("failed_cell", {})
        self.expect(fc.get("cell_index") == 2 and fc.get("ename") == "ValueError",
                    f"result failed_cell {fc.get('cell_index')}/{fc.get('ename')}, expected 2/ValueError")
        t = self.termination("failed", "notebook_execution_failed", 1)
        self.expect(t.get("retryable") is False, "termination message: retryable is not false")
        msg = t.get("message", "")
        self.expect(re.search(r"\bcell 2\b", msg) and "ValueError" in msg,
                    f"termination message does not name cell 2 and ValueError: {msg[:200]!r}")
        self.expect(t.get("failed_cell", {}).get("cell_index") == 2,
                    f"termination message failed_cell: {t.get('failed_cell')}")
        self.expect(msg.endswith("…"), "the 20 kB error message was not shortened")
        nb = self.notebook("fail.output.ipynb")
        self.expect("before the failure" in self.cell_text(nb, "before the failure"),
                    "cell 1's output is missing from the output notebook")
        self.expect("ValueError: e2e boom" in self.cell_text(nb, "e2e boom"),
                    "cell 2's error output is missing from the output notebook")

    def case_stop(self):
        self.rc(143)
        r = self.result("results.json", "failed", "cancelled", 143)
        self.expect(r.get("retryable") is True, "result: retryable is not true for a cancellation")
        cells = {c.get("cell_index"): c for c in r.get("cells", [])}
        for i in (0, 1):
            self.expect(cells.get(i, {}).get("status") == "succeeded",
                        f"result cell {i}: {cells.get(i)}, expected succeeded")
        self.expect(cells.get(2, {}).get("status") == "failed"
                    and "SIGTERM" in cells.get(2, {}).get("note", ""),
                    f"result cell 2 (the sleep): {cells.get(2)}, expected failed, interrupted by SIGTERM")
        self.expect(cells.get(3, {}).get("status") == "skipped",
                    f"result cell 3: {cells.get(3)}, expected skipped")
        self.termination("failed", "cancelled", 143)
        nb = self.notebook("output.ipynb")
        self.expect("before the long cell" in self.cell_text(nb, "before the long cell"),
                    "cell 0's output is missing from the output notebook")
        self.expect("value 42" in self.cell_text(nb, "value = 6 * 7"),
                    "cell 1's output is missing from the output notebook")
        self.expect("sleeping" in self.cell_text(nb, "time.sleep(600)"),
                    "the interrupted cell's output is missing from the output notebook")
        meta = nb.get("metadata", {}).get("papermill", {})
        self.expect(meta.get("end_time"), "the output notebook has no papermill end_time (not finalised)")

    def case_orphans(self):
        self.rc(0)
        self.result("results.json", "succeeded", "none", 0)
        self.termination("succeeded", "none", 0)
        nb = self.notebook("output.ipynb")
        self.expect("adopted by the runner 1" in self.cell_text(nb, "adopted by the runner"),
                    "the orphan was not adopted by nbrunner as PID 1")

    def case_bare(self):
        self.rc(2)
        s = self.summary()
        self.outcome("Results Summary", s, "failed", "configuration_error", 2)
        self.expect("missing NOTEBOOK" in s.get("error", ""), f"error: {s.get('error')!r}")

    def case_doctor(self):
        self.rc(0)
        out = self.log()
        for want in (r"passwd entry: none", r"HOME would be redirected from /home/jovyan to /workspace/",
                     r"papermill 2\.7\.0", r"Verdict: "):
            self.expect(re.search(want, out), f"doctor's report has no {want!r}")


    def local(self, uid, gid):
        """The local flow of images/README.md: only the notebooks folder is mounted, the run
        writes into the image's own /workspace and HOME, and is gone with the container."""
        self.rc(0)
        s = self.summary()
        self.outcome("Results Summary", s, "succeeded", "none", 0)
        self.expect(s.get("notebook_path") == "/workspace/notebooks/test.ipynb",
                    f"notebook_path {s.get('notebook_path')!r}")
        self.expect(s.get("output_path") == "/workspace/output.ipynb",
                    f"output_path {s.get('output_path')!r}, expected the image's /workspace/output.ipynb")
        self.expect(s.get("statistics", {}).get("failed_cells") == 0, "statistics.failed_cells is not 0")
        env = s.get("environment", {})
        self.expect(env.get("uid") == uid and env.get("gid") == gid,
                    f"environment uid/gid {env.get('uid')}/{env.get('gid')}, expected {uid}/{gid}")
        home = next((l for l in env.get("locations", []) if l.get("name") == "HOME"), {})
        self.expect(home.get("decision") == "kept" and home.get("path") == "/home/jovyan",
                    f"HOME /home/jovyan was not kept (the image makes it writable for uid {uid}): {home}")
        return env

    def case_local_jovyan(self):
        env = self.local(NB_UID, NB_GID)
        self.expect(env.get("user") == "jovyan" and env.get("passwd_entry") is True,
                    f"not run as the image's user jovyan: user {env.get('user')!r}")

    def case_local_random_uid(self):
        self.local(UID, GID)

    def case_vault(self):
        values = json.loads(self.read("values.json") or b"{}")
        self.rc(1)
        r = self.result("results.json", "failed", "notebook_execution_failed", 1)
        sec = r.get("secrets", {})
        files = {f.get("path"): f for f in sec.get("files", [])}
        for path, keys in (("/vault/secrets/aws", ["AWS_SECRET_ACCESS_KEY"]),
                           ("/vault/secrets/db", ["DB_USER", "DB_PASSWORD", "DB_HOST"])):
            f = files.get(path, {})
            self.expect(f.get("status") == "loaded" and f.get("keys") == keys,
                        f"result secrets: {path} is {f}, expected loaded with {keys}")
        for name in values:
            self.expect(name in sec.get("redacted_variables", []), f"{name} is not in redacted_variables")
        log = self.log()
        self.expect(re.search(r"secrets: loaded 3 variable\(s\) from /vault/secrets/db: "
                              r"DB_USER, DB_PASSWORD, DB_HOST", log),
                    "the log has no `secrets: loaded 3 variable(s) from /vault/secrets/db` line")
        nb = self.notebook("output.ipynb")
        seen = self.cell_text(nb, "hashlib")
        for name in ("DB_USER", "DB_PASSWORD", "AWS_SECRET_ACCESS_KEY"):
            want = f"{name}-SHA256={hashlib.sha256(values.get(name, '').encode()).hexdigest()}"
            self.expect(want in seen, f"the notebook did not see {name} as written in /vault/secrets")
        self.expect("password is ***" in self.cell_text(nb, "password is"),
                    "the printed password is not shown as *** in the output notebook")
        fc = r.get("failed_cell", {})
        self.expect(fc.get("ename") == "ConnectionError"
                    and fc.get("evalue") == "postgresql://***:***@db:5432/features refused",
                    f"failed_cell is not the ConnectionError with the password masked: {fc}")
        self.termination("failed", "notebook_execution_failed", 1)
        outputs = {"stdout": self.read("stdout"), "stderr": self.read("stderr"),
                   "termination-log": self.read("termination-log")}
        for name in ("results.json", "output.ipynb"):
            outputs[f"workspace/{name}"] = self.read(f"workspace/{name}")
        for name, value in values.items():
            for form in {value, repr(value)[1:-1]}:
                for where, data in outputs.items():
                    self.expect(not data or form.encode() not in data,
                                f"the value of {name} is in {where}")


def vault_files(d):
    """Two files as the Vault Agent injector renders them: `export` lines, and KV v2 JSON."""
    os.makedirs(os.path.join(d, "secrets"), exist_ok=True)
    values = {"DB_USER": "reader-" + secrets.token_hex(4),
              "DB_PASSWORD": "Pa$$w0rd-" + secrets.token_hex(8),
              "DB_HOST": "db-" + secrets.token_hex(4) + ".example.svc",
              "AWS_SECRET_ACCESS_KEY": secrets.token_urlsafe(30)}
    db = "".join(f'export {k}="{v.replace("$", chr(92) + "$")}"\n'
                 for k, v in values.items() if k.startswith("DB_"))
    aws = {"data": {"AWS_SECRET_ACCESS_KEY": values["AWS_SECRET_ACCESS_KEY"]},
           "metadata": {"created_time": "2026-12-01T00:00:00Z", "version": 3}}
    for name, text in (("db", db), ("aws", json.dumps(aws))):
        with open(os.path.join(d, "secrets", name), "w") as f:
            f.write(text)
        os.chmod(os.path.join(d, "secrets", name), 0o644)
    with open(os.path.join(d, "values.json"), "w") as f:
        json.dump(values, f)


def main():
    if sys.argv[1] == "notebooks":
        os.makedirs(sys.argv[2], exist_ok=True)
        for name, cells in NOTEBOOKS.items():
            with open(os.path.join(sys.argv[2], name), "w") as f:
                json.dump(notebook(cells), f, indent=1)
        return 0
    if sys.argv[1] == "vault-files":
        vault_files(sys.argv[2])
        return 0
    c = Checker(sys.argv[1], sys.argv[2])
    getattr(c, "case_" + sys.argv[1].replace("-", "_"))()
    for m in c.misses:
        print("  - " + m)
    return 1 if c.misses else 0


if __name__ == "__main__":
    sys.exit(main())
