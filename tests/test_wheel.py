"""The bundled data ships inside the wheel: install it in a fresh venv, run it elsewhere."""

from __future__ import annotations

import json
import os
import site
import subprocess
import sys
import venv
from pathlib import Path

from tests.conftest import REPO


def test_wheel_runs_outside_the_checkout(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "-w", str(dist), str(REPO)], check=True, capture_output=True)
    wheel = next(dist.glob("aicareer-*.whl"))

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    py = env_dir / "bin" / "python"
    # the runtime dependencies come from this interpreter's site-packages, as plain
    # paths (their .pth files, among them an editable aicareer, are not processed)
    purelib = subprocess.run([py, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             check=True, capture_output=True, text=True).stdout.strip()
    deps = [p for p in site.getsitepackages() + [site.getusersitepackages()] if os.path.isdir(p)]
    Path(purelib, "_deps.pth").write_text("\n".join(deps) + "\n")
    subprocess.run([py, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", str(wheel)],
                   check=True, capture_output=True)

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "AICAREER_DATA_DIR")}
    where = subprocess.run([py, "-c", "import aicareer.catalogue.loader as l; print(l.bundled_data_dir())"],
                           cwd=elsewhere, env=env, check=True, capture_output=True, text=True).stdout.strip()
    assert Path(where).is_relative_to(env_dir), where
    assert not Path(where).is_relative_to(REPO)

    result = subprocess.run([env_dir / "bin" / "aicareer", "compare", "--json"], cwd=elsewhere, env=env,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert {r["id"] for r in data["roles"] if r["low"] is not None} == {"mle", "prompt", "aipm", "nlp"}

    # the report's template and the roadmap data ship too
    answers = elsewhere / "answers.yaml"
    answers.write_text("background: student\nexperience_years: 0\nskills: [python]\ninterests: [research]\n"
                       "location: us\nhours_per_week: 5\n")
    env["AICAREER_HOME"] = str(tmp_path / "home")
    result = subprocess.run([env_dir / "bin" / "aicareer", "report", "--answers", str(answers), "-o", "r.html"],
                            cwd=elsewhere, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "12-month plan" in (elsewhere / "r.html").read_text()
