from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from aicareer.catalogue.loader import bundled_data_dir, load_catalogue
from aicareer.cli.all_commands import app

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
