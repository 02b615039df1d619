from __future__ import annotations

import os
import tempfile
from pathlib import Path

# Before anything imports aicareer or platformdirs: the whole test session runs with a
# sandbox for a home directory, so even a test that forgets AICAREER_HOME cannot write
# into the developer's real ~/.config/aicareer or ~/.cache/aicareer.
REAL_HOME = Path(os.path.expanduser("~"))
SANDBOX = Path(tempfile.mkdtemp(prefix="aicareer-test-home-"))
for _var, _sub in (("HOME", ""), ("XDG_CONFIG_HOME", ".config"), ("XDG_CACHE_HOME", ".cache"),
                   ("XDG_DATA_HOME", ".local/share"), ("XDG_STATE_HOME", ".local/state")):
    os.environ[_var] = str(SANDBOX / _sub)
os.environ["AICAREER_HOME"] = str(SANDBOX / "aicareer-home")
os.environ["AICAREER_CACHE_DIR"] = str(SANDBOX / "aicareer-cache")


def _home_footprint() -> dict[str, float]:
    """Every aicareer folder under the real home, with its modification time."""
    out = {}
    for sub in (".config/aicareer", ".cache/aicareer", ".local/share/aicareer", ".local/state/aicareer"):
        path = REAL_HOME / sub
        if path.exists():
            out[sub] = max([path.stat().st_mtime] + [p.stat().st_mtime for p in path.rglob("*")])
    return out


HOME_BEFORE = _home_footprint()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """The run fails if anything under the real home's aicareer folders appeared or changed."""
    after = _home_footprint()
    if after != HOME_BEFORE:
        session.exitstatus = 1
        print(f"\nFAILED: the test run wrote to the real home directory: before {HOME_BEFORE}, after {after}")


import pytest  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from aicareer.catalogue.loader import bundled_data_dir, load_catalogue  # noqa: E402
from aicareer.cli.all_commands import app  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _isolated(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test reads the user's data folder or writes to the real home."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("AICAREER_HOME", str(home))
    monkeypatch.setenv("AICAREER_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.delenv("AICAREER_DATA_DIR", raising=False)
    monkeypatch.delenv("AICAREER_DEBUG", raising=False)
    monkeypatch.setenv("COLUMNS", "100")
    return home


@pytest.fixture(scope="session")
def cat():
    return load_catalogue()


@pytest.fixture
def run():
    """Invoke the CLI; returns the click Result (stdout and stderr apart)."""
    runner = CliRunner()

    def invoke(*args: str, env: dict[str, str] | None = None, input: str | None = None):
        return runner.invoke(app, list(args), env=env, input=input)

    return invoke


@pytest.fixture
def overlay(tmp_path: Path):
    """Write files into a custom data folder: overlay({'roles.yaml': text}) -> folder."""

    def make(files: dict[str, str | bytes]) -> Path:
        folder = tmp_path / "data"
        folder.mkdir(exist_ok=True)
        for name, content in files.items():
            path = folder / name
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return folder

    return make


def bundled_text(name: str) -> str:
    return (bundled_data_dir() / name).read_text(encoding="utf-8")


assert os.path.isdir(REPO / "data")
