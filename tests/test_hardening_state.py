"""Saved state under concurrency, interruption, hostile and oversized files (issue 17)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hardening_util import CLI, cli, env

DAMAGED = b'{"version": 1, "plan": '


def make_plan(home: Path) -> list[str]:
    r = cli(home, "roadmap", "--track", "mle")
    assert r.returncode == 0, r.stderr
    return [t["id"] for t in json.loads((home / "progress.json").read_text())["plan"]["tasks"]]


def test_twenty_concurrent_marks_are_all_kept(tmp_path):
    ids = make_plan(tmp_path)[:20]
    procs = [subprocess.Popen([*CLI, "progress", "done", i], env=env(tmp_path), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE) for i in ids]
    for p in procs:
        assert p.wait(timeout=120) == 0, p.stderr.read() if p.stderr else ""
    marks = json.loads((tmp_path / "progress.json").read_text())["marks"]
    assert sorted(marks) == sorted(ids)


def test_twenty_concurrent_undos_are_all_kept(tmp_path):
    ids = make_plan(tmp_path)[:20]
    assert cli(tmp_path, "progress", "done", *ids).returncode == 0
    procs = [subprocess.Popen([*CLI, "progress", "undo", i], env=env(tmp_path), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE) for i in ids[:10]]
    for p in procs:
        assert p.wait(timeout=120) == 0
    marks = json.loads((tmp_path / "progress.json").read_text())["marks"]
    assert sorted(marks) == sorted(ids[10:])


def test_concurrent_loads_of_a_damaged_file_never_move_a_valid_one_aside(tmp_path):
    make_plan(tmp_path)
    (tmp_path / "progress.json").write_bytes(DAMAGED)
    procs = []
    for n in range(21):
        args = ["roadmap", "--track", "mle"] if n % 3 == 2 else ["progress"]
        procs.append(subprocess.Popen([*CLI, *args], env=env(tmp_path), stdout=subprocess.DEVNULL,
                                      stderr=subprocess.PIPE))
    errors = [p.stderr.read().decode() for p in procs if p.stderr]
    codes = [p.wait(timeout=120) for p in procs]
    assert not [e for e in errors if "cannot be moved aside" in e or "internal error" in e], errors
    assert set(codes) <= {0, 1}, (codes, errors)  # 1: no saved plan (a state problem, not bad input)
    aside = sorted(tmp_path.glob("progress.json.corrupt-*"))
    assert len(aside) == 1, aside  # the one damaged file, moved aside once
    assert aside[0].read_bytes() == DAMAGED
    json.loads((tmp_path / "progress.json").read_text())  # a valid plan is in place


@pytest.mark.parametrize("name", ["progress.json", "profile.json"])
def test_saved_state_that_is_a_fifo_is_refused_at_once(tmp_path, name):
    tmp_path.mkdir(exist_ok=True)
    os.mkfifo(tmp_path / name)
    r = cli(tmp_path, "roadmap", "--track", "mle", "--no-save", timeout=20)
    assert r.returncode == 1
    assert b"not a regular file" in r.stderr and b"Traceback" not in r.stderr


def test_oversized_progress_file_is_set_aside_quickly(tmp_path):
    make_plan(tmp_path)
    big = tmp_path / "progress.json"
    big.write_bytes(b'{"version": 1, "marks": {}, "plan": "' + b"x" * (6 * 1024 * 1024) + b'"}')
    r = cli(tmp_path, "progress", timeout=20)
    assert r.returncode == 1, r.stderr  # no saved plan any more: a state problem
    assert b"larger than" in r.stderr and b"kept it as" in r.stderr


def test_a_deeply_nested_progress_file_is_damaged_not_a_crash(tmp_path):
    (tmp_path / "progress.json").write_text('{"version": 1, "marks": ' + "[" * 100000 + "]" * 100000 + "}")
    r = cli(tmp_path, "progress")
    assert r.returncode == 1 and b"internal error" not in r.stderr, r.stderr
    assert b"kept it as" in r.stderr


def test_progress_without_its_marks_key_works(tmp_path):
    make_plan(tmp_path)
    path = tmp_path / "progress.json"
    data = json.loads(path.read_text())
    del data["marks"]
    path.write_text(json.dumps(data))
    r = cli(tmp_path, "progress", "done", "se-python")
    assert r.returncode == 0, r.stderr
    assert json.loads(path.read_text())["marks"] == {"se-python": "done"}


# The driver is a command run in the foreground: a test run started in the background of a
# non-interactive shell ignores SIGINT, and a child would inherit that, so it restores the default.
DRIVER = """
import os, signal, sys
import aicareer.core.atomic as atomic
signal.signal(signal.SIGINT, signal.default_int_handler)
real = os.fsync
SIG = getattr(signal, sys.argv[1])
def fsync(fd):
    real(fd)
    os.kill(os.getpid(), SIG)
os.fsync = fsync
sys.argv = ["aicareer", *sys.argv[2:]]
from aicareer.cli.entry import main
main()
"""


@pytest.mark.parametrize("sig,code", [("SIGINT", 130), ("SIGTERM", 143)])
@pytest.mark.parametrize("args", [["progress", "done", "se-python"], ["roadmap", "-t", "mle", "--no-save",
                                                                        "-f", "markdown", "-o", "OUT"]])
def test_an_interrupt_during_a_write_leaves_no_temporary_file(tmp_path, sig, code, args):
    make_plan(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    args = [str(out / "plan.md") if a == "OUT" else a for a in args]
    r = subprocess.run([sys.executable, "-c", DRIVER, sig, *args], env=env(tmp_path), capture_output=True,
                       timeout=60)
    assert r.returncode == code, r.stderr
    assert b"Traceback" not in r.stderr
    left = [p.name for p in [*tmp_path.iterdir(), *out.iterdir()] if p.name.endswith(".tmp")]
    assert left == []


def test_a_stale_temporary_file_name_is_known_before_it_is_created(tmp_path, monkeypatch):
    """An interrupt right after the temporary file is created (inside mkstemp) must not leave it."""
    import tempfile

    from aicareer.core import atomic

    real = tempfile.mkstemp

    def interrupted(*a, **k):
        real(*a, **k)
        raise KeyboardInterrupt

    monkeypatch.setattr(tempfile, "mkstemp", interrupted)
    real_open = os.open

    def open_then_interrupt(path, flags, *a):
        fd = real_open(path, flags, *a)
        if str(path).endswith(".tmp"):
            os.close(fd)
            raise KeyboardInterrupt
        return fd

    monkeypatch.setattr(os, "open", open_then_interrupt)
    with pytest.raises(KeyboardInterrupt):
        atomic.atomic_write(tmp_path / "state.json", "{}")
    assert list(tmp_path.iterdir()) == []


def _race(monkeypatch, path: Path, meanwhile) -> None:
    """Make another command act on `path` right after this one read it and found it damaged."""
    import msgspec

    real = msgspec.json.decode
    fired = []

    def decode(raw, *a, **k):
        if not fired and b"damaged" in bytes(raw):
            fired.append(1)
            meanwhile()
        return real(raw, *a, **k)

    monkeypatch.setattr(msgspec.json, "decode", decode)


def test_a_damaged_file_replaced_meanwhile_by_a_valid_one_is_kept(tmp_path, monkeypatch):
    from aicareer.state import store

    path = tmp_path / "progress.json"
    path.write_text('{"damaged": ')
    valid = '{"version": 1, "plan": null, "marks": {}}'
    _race(monkeypatch, path, lambda: path.write_text(valid))
    assert store.read_state(path, "progress") == {"version": 1, "plan": None, "marks": {}}
    assert path.read_text() == valid and not list(tmp_path.glob("*.corrupt-*"))


def test_a_damaged_file_moved_aside_meanwhile_by_another_command(tmp_path, monkeypatch):
    from aicareer.state import store

    path = tmp_path / "progress.json"
    path.write_text('{"damaged": ')
    _race(monkeypatch, path, lambda: path.rename(tmp_path / "progress.json.corrupt-other"))
    assert store.read_state(path, "progress") is None  # not "cannot be moved aside"
    assert [p.name for p in tmp_path.glob("progress.json*")] == ["progress.json.corrupt-other"]


def test_state_too_large_to_read_back_is_not_saved(tmp_path):
    from aicareer.core.errors import AicareerError
    from aicareer.state import store

    path = tmp_path / "progress.json"
    with pytest.raises(AicareerError, match="limit for saved state"):
        store.write_state(path, {"plan": "x" * (store.MAX_STATE_BYTES + 1)})
    assert not path.exists()
    store.write_state(path, {"plan": "é" * 1000})
    assert store.read_state(path, "progress") == {"version": 1, "plan": "é" * 1000}
