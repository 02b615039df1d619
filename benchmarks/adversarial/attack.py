"""An adversarial run against the real console script: a hostile user and a hostile
environment (issue 17). Each attack runs `python -m aicareer` in a child process with
its own saved-state folder, a time limit and a memory cap, and passes when the command
ends in time with an expected exit code, no traceback, no "internal error", and its
own extra condition (no escape sequence printed, no mark lost, no temporary file...).

    .venv/bin/python benchmarks/adversarial/attack.py          # prints one line per attack and the counts
    .venv/bin/python benchmarks/adversarial/attack.py -k bomb  # only the attacks whose name has "bomb"

Exit status 0 when every attack passed.
"""

from __future__ import annotations

import json
import os
import re
import resource
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CLI = [sys.executable, "-m", "aicareer"]
LIMIT_S = 20
MEMORY = 1536 * 1024 * 1024
ESCAPES = (b"\x1b]", b"\x1b[2J", b"\x07", b"\xc2\x9b")
HYPERLINK = re.compile(rb"\x1b\]8;[^\x1b\x07]*(?:\x1b\\|\x07)")
SE = ("background: software-engineer\nexperience_years: 6\nskills: [python]\ninterests: [build-models]\n"
      "location: sf\nhours_per_week: 10\n")
BOMB = ("background: [&a [x,x,x,x,x,x,x,x,x], &b [*a,*a,*a,*a,*a,*a,*a,*a,*a], &c [*b,*b,*b,*b,*b,*b,*b,*b,*b], "
        "&d [*c,*c,*c,*c,*c,*c,*c,*c,*c], &e [*d,*d,*d,*d,*d,*d,*d,*d,*d], &f [*e,*e,*e,*e,*e,*e,*e,*e,*e], "
        "&g [*f,*f,*f,*f,*f,*f,*f,*f,*f], &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]]\n")


class Box:
    """One attack's sandbox: a home for saved state, a work folder, the environment."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="aicareer-attack-"))
        self.home = self.root / "home"
        self.home.mkdir()
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("AICAREER_")}
        self.env.update(AICAREER_HOME=str(self.home), AICAREER_CACHE_DIR=str(self.root / "cache"), COLUMNS="100")

    def run(self, *args: str | bytes, stdin: int | None = subprocess.DEVNULL, shell: str | None = None,
            env: dict[str, str] | None = None) -> tuple[int, bytes, bytes, float]:
        started = time.monotonic()
        if shell is not None:
            argv: list[str | bytes] = ["sh", "-c", shell.replace("AIC", " ".join(f"'{a}'" for a in CLI))]
        else:
            argv = [*CLI, *args]
        try:
            p = subprocess.run(argv, env={**self.env, **(env or {})}, capture_output=True, timeout=LIMIT_S,
                               cwd=self.root, stdin=stdin, preexec_fn=_cap_memory)
        except subprocess.TimeoutExpired:
            return -999, b"", b"timed out", time.monotonic() - started
        return p.returncode, p.stdout, p.stderr, time.monotonic() - started

    def write(self, name: str, content: str | bytes) -> Path:
        path = self.root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode() if isinstance(content, str) else content)
        return path

    def plan(self) -> list[str]:
        code, _, err, _ = self.run("roadmap", "-t", "mle")
        assert code == 0, err
        return [t["id"] for t in json.loads((self.home / "progress.json").read_text())["plan"]["tasks"]]

    def overlay(self, name: str, old: str, new: str) -> Path:
        text = (REPO / "data" / name).read_text()
        assert old in text, old
        self.write(f"data/{name}", text.replace(old, new, 1))
        return self.root / "data"


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))


def clean(result: tuple[int, bytes, bytes, float], codes: set[int]) -> str:
    code, out, err, _ = result
    if code == -999:
        return "did not end in time"
    if code not in codes:
        return f"exit {code} (expected {sorted(codes)}): {err[-200:]!r}"
    if b"Traceback" in err or b"internal error" in err:
        return f"crash: {err[-200:]!r}"
    shown = HYPERLINK.sub(b"", out + err)  # rich's own OSC 8 links (source addresses) are allowed
    if any(e in shown for e in ESCAPES):
        return "an escape sequence reached the terminal"
    return ""


ATTACKS: dict[str, Callable[[Box], str]] = {}


def attack(name: str) -> Callable[[Callable[[Box], str]], Callable[[Box], str]]:
    def register(fn: Callable[[Box], str]) -> Callable[[Box], str]:
        ATTACKS[name] = fn
        return fn
    return register


# --- saved state ------------------------------------------------------------------------------

def _concurrent(box: Box, action: str, ids: list[str]) -> list[int]:
    procs = [subprocess.Popen([*CLI, "progress", action, i], env=box.env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL) for i in ids]
    return [p.wait(timeout=120) for p in procs]


@attack("state: 20 concurrent progress done")
def _(box: Box) -> str:
    ids = box.plan()[:20]
    codes = _concurrent(box, "done", ids)
    marks = json.loads((box.home / "progress.json").read_text())["marks"]
    return "" if set(codes) == {0} and sorted(marks) == sorted(ids) else f"{len(marks)} of 20 marks kept"


@attack("state: 10 concurrent undo")
def _(box: Box) -> str:
    ids = box.plan()[:20]
    box.run("progress", "done", *ids)
    _concurrent(box, "undo", ids[:10])
    marks = json.loads((box.home / "progress.json").read_text())["marks"]
    return "" if sorted(marks) == sorted(ids[10:]) else f"{len(marks)} marks left, 10 expected"


@attack("state: 16 concurrent loads of a damaged file, half of them saving")
def _(box: Box) -> str:
    box.plan()
    (box.home / "progress.json").write_text('{"version": 1, "plan": ')
    procs = [subprocess.Popen([*CLI, *(["roadmap", "-t", "mle"] if n % 2 else ["progress"])], env=box.env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE) for n in range(16)]
    errs = [p.communicate(timeout=120)[1] for p in procs]
    aside = list(box.home.glob("progress.json.corrupt-*"))
    if any(b"cannot be moved aside" in e or b"internal error" in e for e in errs):
        return "a load failed"
    return "" if len(aside) == 1 else f"{len(aside)} files moved aside"


for _name in ("progress.json", "profile.json"):
    @attack(f"state: {_name} is a FIFO")
    def _(box: Box, name: str = _name) -> str:
        os.mkfifo(box.home / name)
        return clean(box.run("roadmap", "-t", "mle", "--no-save"), {1})

    @attack(f"state: {_name} is a symlink to /dev/zero")
    def _(box: Box, name: str = _name) -> str:
        os.symlink("/dev/zero", box.home / name)
        return clean(box.run("roadmap", "-t", "mle", "--no-save"), {1})


@attack("state: a 6 MB progress.json")
def _(box: Box) -> str:
    box.plan()
    (box.home / "progress.json").write_text('{"version": 1, "x": "' + "x" * 6_000_000 + '"}')
    return clean(box.run("progress"), {1})  # the file set aside, then: no saved plan (state, exit 1)


@attack("state: progress.json nested 100,000 deep")
def _(box: Box) -> str:
    (box.home / "progress.json").write_text('{"version": 1, "marks": ' + "[" * 100000 + "]" * 100000 + "}")
    return clean(box.run("progress"), {1})  # the file set aside, then: no saved plan (state, exit 1)


@attack("state: progress.json without marks")
def _(box: Box) -> str:
    box.plan()
    path = box.home / "progress.json"
    data = json.loads(path.read_text())
    del data["marks"]
    path.write_text(json.dumps(data))
    return clean(box.run("progress", "done", "se-python"), {0})


@attack("state: progress.json marks of the wrong type")
def _(box: Box) -> str:
    box.plan()
    path = box.home / "progress.json"
    data = json.loads(path.read_text())
    data["marks"] = ["se-python"]
    path.write_text(json.dumps(data))
    return clean(box.run("progress"), {1})  # the file set aside, then: no saved plan (state, exit 1)


@attack("state: progress.json of another version")
def _(box: Box) -> str:
    (box.home / "progress.json").write_text('{"version": 2, "plan": {}, "marks": {}}')
    return clean(box.run("progress"), {1})  # the file set aside, then: no saved plan (state, exit 1)


@attack("state: progress.json not UTF-8")
def _(box: Box) -> str:
    (box.home / "progress.json").write_bytes(b'{"version": 1, "\xff": 1}')
    return clean(box.run("progress"), {1})  # the file set aside, then: no saved plan (state, exit 1)


@attack("state: profile.json answers of the wrong type")
def _(box: Box) -> str:
    (box.home / "profile.json").write_text('{"version": 1, "answers": "x", "result": 3}')
    return clean(box.run("roadmap", "--no-save"), {2})


@attack("state: AICAREER_HOME is a file")
def _(box: Box) -> str:
    box.write("afile", "x")
    return clean(box.run("roadmap", "-t", "mle", env={"AICAREER_HOME": str(box.root / "afile")}), {1})


DRIVER = """
import os, signal, sys
SIG = getattr(signal, sys.argv[1])
real = os.fsync
def fsync(fd):
    real(fd)
    os.kill(os.getpid(), SIG)
os.fsync = fsync
sys.argv = ["aicareer", *sys.argv[2:]]
from aicareer.cli.entry import main
main()
"""

for _sig, _code in (("SIGINT", 130), ("SIGTERM", 143)):
    for _what, _args in (("progress done", ["progress", "done", "se-python"]),
                         ("roadmap -o", ["roadmap", "-t", "mle", "--no-save", "-f", "markdown", "-o", "plan.md"])):
        @attack(f"signals: {_sig} during {_what}")
        def _(box: Box, sig: str = _sig, code: int = _code, args: list[str] = _args) -> str:
            box.plan()
            p = subprocess.run([sys.executable, "-c", DRIVER, sig, *args], env=box.env, capture_output=True,
                               timeout=60, cwd=box.root)
            left = [x for x in [*box.home.iterdir(), *box.root.iterdir()] if x.name.endswith(".tmp")]
            if left:
                return f"left {left}"
            return clean((p.returncode, p.stdout, p.stderr, 0), {code})


# --- hostile input files ------------------------------------------------------------------------

for _cmd in (["assess", "--no-save", "--answers"], ["report", "-o", "r.html", "--answers"]):
    @attack(f"input: alias bomb for {_cmd[0]}")
    def _(box: Box, cmd: list[str] = _cmd) -> str:
        return clean(box.run(*cmd, str(box.write("bomb.yaml", BOMB))), {2})


@attack("input: alias bomb in a data folder")
def _(box: Box) -> str:
    folder = box.overlay("sources.yaml", "reviewed:", "bomb: " + BOMB.split(": ", 1)[1] + "reviewed:")
    return clean(box.run("compare", "--data-dir", str(folder)), {2})


@attack("input: answers nested 10,000 deep")
def _(box: Box) -> str:
    return clean(box.run("assess", "--no-save", "-a", str(box.write("d.yaml", "skills: " + "[" * 10000))), {2})


@attack("input: answers with - - - nesting 5,000 deep")
def _(box: Box) -> str:
    return clean(box.run("assess", "--no-save", "-a", str(box.write("d.yaml", "skills:\n" + "- " * 5000 + "x\n"))),
                 {2})


for _label, _make in (("a FIFO", lambda p: os.mkfifo(p)), ("/dev/zero", lambda p: os.symlink("/dev/zero", p)),
                      ("/dev/urandom", lambda p: os.symlink("/dev/urandom", p))):
    for _opt in (["assess", "--no-save", "-a"], ["gap", "mle", "--resume"], ["gap", "mle", "--job"],
                 ["roadmap", "-t", "mle", "--no-save", "--job"]):
        @attack(f"input: {' '.join(_opt)} {_label}")
        def _(box: Box, make=_make, opt=_opt) -> str:
            path = box.root / "in.txt"
            make(path)
            return clean(box.run(*opt, str(path)), {2})

    @attack(f"input: a data file that is {_label}")
    def _(box: Box, make=_make) -> str:
        (box.root / "data").mkdir()
        make(box.root / "data" / "roles.yaml")
        return clean(box.run("compare", "--data-dir", str(box.root / "data")), {2})


@attack("input: --data-dir /dev")
def _(box: Box) -> str:
    return clean(box.run("compare", "--data-dir", "/dev"), {0, 2})


for _value in ("2026-02-30", "1" * 4401, "!!float abc", "!!int 0x", "!!python/object:os.system x", "!!binary ???",
               "{<<: [*x]}", "&a [*a]"):
    @attack(f"input: answers value {_value[:24]}")
    def _(box: Box, value: str = _value) -> str:
        return clean(box.run("assess", "--no-save", "-a", str(box.write("a.yaml", f"experience_years: {value}\n"
                                                                           + SE.split("\n", 2)[2]))), {2})

    @attack(f"input: data value {_value[:24]}")
    def _(box: Box, value: str = _value) -> str:
        folder = box.overlay("sources.yaml", "reviewed:", f"odd: {value}\nreviewed:")
        first = clean(box.run("data", "validate", str(folder)), {2})
        return first or clean(box.run("compare", "--data-dir", str(folder)), {2})


@attack("input: a 2 MB answer value is not echoed")
def _(box: Box) -> str:
    result = box.run("assess", "--no-save", "-a", str(box.write("a.yaml", "background: " + "x" * 2_000_000)))
    return clean(result, {2}) or ("" if len(result[2]) < 2000 else f"{len(result[2])} bytes of message")


@attack("input: a 25 MB answers file")
def _(box: Box) -> str:
    return clean(box.run("assess", "--no-save", "-a", str(box.write("a.yaml", "# " + "x" * 25_000_000))), {2})


@attack("input: answers with NUL bytes")
def _(box: Box) -> str:
    return clean(box.run("assess", "--no-save", "-a", str(box.write("a.yaml", b"background: \x00x"))), {2})


@attack("input: answers that are a list")
def _(box: Box) -> str:
    return clean(box.run("assess", "--no-save", "-a", str(box.write("a.yaml", "[1, 2]"))), {2})


@attack("input: a 490-character skill name")
def _(box: Box) -> str:
    folder = box.overlay("skills.yaml", "skills:\n", "skills:\n  - id: longname\n    name: Q" + "x" * 489 +
                         "\n    category: foundations\n    learn_hours: 10\n    sources: [article]\n")
    first = clean(box.run("data", "validate", str(folder)), {2})
    return first or clean(box.run("gap", "mle", "--skills", "python", "--data-dir", str(folder)), {2})


# --- terminal and exports -------------------------------------------------------------------------

EVIL = r'"Machine \e]0;PWNED\a\e[2J\x9b31m Learning\u202e Engineer"'
COLOUR = {"FORCE_COLOR": "1", "TERM": "xterm-256color"}

for _args in (["compare"], ["role", "mle"], ["roles"], ["gap", "mle", "--skills", "python"],
              ["roadmap", "-t", "mle", "--no-save"], ["compare", "--json"], ["roadmap", "-t", "mle", "--no-save",
                                                                               "-f", "markdown"]):
    for _env in ({}, COLOUR):
        @attack(f"terminal: escapes in a role name, {' '.join(_args)}{' in colour' if _env else ''}")
        def _(box: Box, args=_args, env=_env) -> str:
            folder = box.overlay("roles.yaml", "name: Machine Learning Engineer", f"name: {EVIL}")
            return clean(box.run(*args, "--data-dir", str(folder), env=env), {0})


@attack("terminal: escapes in a hand-edited progress.json")
def _(box: Box) -> str:
    box.plan()
    path = box.home / "progress.json"
    data = json.loads(path.read_text())
    data["plan"]["tasks"][0]["title"] = "x\x1b]0;PWNED\x07\x1b[2J"
    path.write_text(json.dumps(data))
    return clean(box.run("progress", env=COLOUR), {0}) or clean(box.run("progress", "--json"), {0})


@attack("terminal: escapes in a file name")
def _(box: Box) -> str:
    return clean(box.run("gap", "mle", "--resume", str(box.root / "cv\x1b]0;PWNED\x07.txt")), {2})


@attack("terminal: escapes in a task id")
def _(box: Box) -> str:
    box.plan()
    return clean(box.run("progress", "done", "\x1b]0;PWNED\x07"), {2})


@attack("terminal: escapes in report --name")
def _(box: Box) -> str:
    return clean(box.run("report", "-a", str(box.write("a.yaml", SE)), "--name", "\x1b[2J\x1b]0;x\x07",
                         "-o", "r\x1b[2J.html"), {0})


@attack("export: Markdown injection from a role name")
def _(box: Box) -> str:
    folder = box.overlay("roles.yaml", "name: Machine Learning Engineer",
                         r'name: "ML\n# INJECTED\n- [x] fake <script>x</script>"')
    result = box.run("roadmap", "-t", "mle", "--no-save", "-f", "markdown", "-o", "p.md", "--data-dir", str(folder))
    text = (box.root / "p.md").read_text() if (box.root / "p.md").exists() else ""
    bad = [ln for ln in text.splitlines() if ln.startswith(("# INJECTED", "- [x] fake"))] or "<script>" in text
    return clean(result, {0}) or ("injected" if bad else "")


@attack("export: HTML injection from a role name and --name")
def _(box: Box) -> str:
    folder = box.overlay("roles.yaml", "name: Machine Learning Engineer", 'name: "ML <script>x</script>"')
    result = box.run("report", "-a", str(box.write("a.yaml", SE)), "--name", "<img onerror=x>", "-o", "r.html",
                     "--data-dir", str(folder))
    text = (box.root / "r.html").read_text()
    return clean(result, {0}) or ("injected" if "<script>x" in text or "<img onerror" in text else "")


@attack("output: -o a FIFO")
def _(box: Box) -> str:
    os.mkfifo(box.root / "p.md")
    result = clean(box.run("roadmap", "-t", "mle", "--no-save", "-f", "markdown", "-o", "p.md"), {2})
    return result or ("" if stat.S_ISFIFO(os.lstat(box.root / "p.md").st_mode) else "replaced")


if os.geteuid() == 0:
    for _dev, _codes in (((1, 3), {0}), ((1, 7), {1, 2})):
        @attack(f"output: -o a copy of {'/dev/null' if _dev[1] == 3 else '/dev/full'}")
        def _(box: Box, dev=_dev, codes=_codes) -> str:
            os.mknod(box.root / "dev", stat.S_IFCHR | 0o666, os.makedev(*dev))
            result = clean(box.run("roadmap", "-t", "mle", "--no-save", "-f", "markdown", "-o", "dev"), codes)
            return result or ("" if stat.S_ISCHR(os.lstat(box.root / "dev").st_mode) else "device replaced")


@attack("output: -o a symlink keeps the link")
def _(box: Box) -> str:
    box.write("real.md", "old")
    os.symlink("real.md", box.root / "link.md")
    result = clean(box.run("roadmap", "-t", "mle", "--no-save", "-f", "markdown", "-o", "link.md"), {0})
    return result or ("" if (box.root / "link.md").is_symlink() else "link replaced")


# --- environment ----------------------------------------------------------------------------------

LOCALES = {"LC_ALL=C": {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"},
           "ascii": {"PYTHONIOENCODING": "ascii"}, "latin-1": {"PYTHONIOENCODING": "latin-1"}}
for _loc, _env in LOCALES.items():
    for _args in (["compare"], ["role", "mle"], ["market"], ["gap", "mle", "--skills", "python"],
                  ["roadmap", "-t", "mle"], ["assess", "--template"], ["data", "validate"], ["roles", "--json"]):
        @attack(f"locale {_loc}: {' '.join(_args)}")
        def _(box: Box, env=_env, args=_args) -> str:
            return clean(box.run(*args, env=env), {0})


@attack("env: a file name that is not UTF-8")
def _(box: Box) -> str:
    name = os.fsencode(box.root) + b"/cv-\xe9\xff.txt"
    Path(os.fsdecode(name)).write_text("Python, Docker")
    return clean(box.run("gap", "mle", "--resume", name), {0}) or clean(box.run("gap", "mle", "--resume", name + b"x"),
                                                                        {2})


@attack("env: arguments that are not UTF-8")
def _(box: Box) -> str:
    return clean(box.run("compare", b"ml\xe9"), {2}) or clean(box.run("gap", "mle", "--skills", b"py\xff"), {0, 2})


for _line, _codes in (("AIC assess --no-save <&-", {2}), ("AIC assess --no-save -a - <&-", {2}),
                      ("AIC gap mle --resume - <&-", {2}), ("AIC compare >&-", {1}), ("AIC compare >/dev/full", {1}),
                      ("AIC compare --json >/dev/full", {1}), ("AIC assess --template >/dev/full", {1}),
                      ("AIC compare nosuch 2>&-", {2}), ("AIC compare nosuch 2>/dev/full", {2}),
                      ("AIC compare 2>&-", {0}), ("AIC roadmap -t mle | head -1", {0})):
    @attack(f"streams: {_line.replace('AIC ', '')}")
    def _(box: Box, line=_line, codes=_codes) -> str:
        return clean(box.run(shell=line), codes)


for _cols in ("99999999999999999999", "0", "-5", "abc", "1"):
    @attack(f"env: COLUMNS={_cols[:12]}")
    def _(box: Box, cols=_cols) -> str:
        return clean(box.run("compare", env={"COLUMNS": cols, "LINES": cols}), {0})


def main(argv: list[str]) -> int:
    only = argv[argv.index("-k") + 1] if "-k" in argv else ""
    tried = passed = 0
    failures = []
    for name, fn in ATTACKS.items():
        if only and only not in name:
            continue
        box = Box()
        try:
            why = fn(box)
        except Exception as exc:  # the harness's own failure counts as a failed attack
            why = f"harness: {type(exc).__name__}: {exc}"
        finally:
            shutil.rmtree(box.root, ignore_errors=True)
        tried += 1
        passed += not why
        print(f"{'ok  ' if not why else 'FAIL'} {name}{'' if not why else ': ' + why}", flush=True)
        if why:
            failures.append(name)
    print(f"\n{tried} attacks tried, {passed} passed, {tried - passed} failed")
    return 0 if passed == tried else 1


if __name__ == "__main__":
    signal.signal(signal.SIGINT, signal.default_int_handler)
    sys.exit(main(sys.argv[1:]))
