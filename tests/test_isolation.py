"""No test touches the developer's real home: the session runs in a sandbox home."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import REAL_HOME, SANDBOX


def test_platform_folders_point_into_the_sandbox(monkeypatch):
    from platformdirs import user_cache_dir, user_config_dir

    assert Path(user_config_dir("aicareer")).is_relative_to(SANDBOX)
    assert Path(user_cache_dir("aicareer")).is_relative_to(SANDBOX)
    assert not SANDBOX.is_relative_to(REAL_HOME) or REAL_HOME == Path("/")


def test_a_command_without_aicareer_home_saves_inside_the_sandbox(run, monkeypatch, tmp_path):
    # the worst case: a test that forgets the AICAREER_* variables altogether
    monkeypatch.delenv("AICAREER_HOME")
    monkeypatch.delenv("AICAREER_CACHE_DIR")
    r = run("roadmap", "--track", "mle")
    assert r.exit_code == 0, r.output
    saved = list(SANDBOX.rglob("progress.json"))
    assert saved, "the plan was saved somewhere outside the sandbox home"
    assert list(SANDBOX.rglob("catalogue-*.msgpack")), "the catalogue cache went outside the sandbox home"


@pytest.mark.parametrize("xdg", ["set", "unset", "relative", "blank"])
@pytest.mark.parametrize("kind", ["config", "cache"])
def test_the_quick_folder_lookup_agrees_with_platformdirs(monkeypatch, tmp_path, kind, xdg):
    from aicareer.core.user_dirs import platform_dir, user_dir

    var = {"config": "XDG_CONFIG_HOME", "cache": "XDG_CACHE_HOME"}[kind]
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    if xdg == "unset":
        monkeypatch.delenv(var, raising=False)
    else:
        monkeypatch.setenv(var, {"set": str(tmp_path / "xdg"), "relative": "rel/xdg", "blank": " "}[xdg])
    assert user_dir(kind) == platform_dir(kind)
    assert user_dir(kind).is_relative_to(tmp_path)
