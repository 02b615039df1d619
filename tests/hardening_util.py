"""Running the real console script in a child process, for the tests that need real
file descriptors, signals, locales and concurrency (CliRunner replaces all of those)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

CLI = [sys.executable, "-m", "aicareer"]


def env(home: Path, **extra: str) -> dict[str, str]:
    out = {k: v for k, v in os.environ.items() if not k.startswith(("AICAREER_", "PYTEST"))}
    out.update(AICAREER_HOME=str(home), AICAREER_CACHE_DIR=str(home / ".cache"), COLUMNS="100")
    out.update(extra)
    return out


def cli(home: Path, *args: str, timeout: float = 60, extra_env: dict[str, str] | None = None,
        **kwargs) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*CLI, *args], env=env(home, **(extra_env or {})), capture_output=True,
                          timeout=timeout, **kwargs)
