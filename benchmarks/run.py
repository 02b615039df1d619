"""Start-up benchmark: every command as a whole process, against two references.

    python benchmarks/run.py [--runs N]

Each command runs once to warm the caches, then N times (default 21); the
script prints the median wall time, its ratio to a minimal Typer + rich + yaml
app (benchmarks/minimal_app.py) and to `python -c pass`, both measured in the
same session (and the ratio of the fastest runs, which noise on a shared
machine disturbs least), and each command's peak memory (max RSS of the process, from
wait4). It also times how long the first questionnaire prompt takes to appear
in a pseudo-terminal. Targets (issue 6) are checked and marked; nothing here
is a test, and the test suite makes no timing assertions.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PY = sys.executable


def run_once(argv: list[str], env: dict[str, str]) -> tuple[float, int]:
    """(seconds, peak RSS in KiB) of one run, output discarded."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=err, env=env, cwd=env["HOME_DIR"])
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            err.seek(0)
            raise SystemExit(f"benchmark command failed ({proc.returncode}): {' '.join(argv)}\n"
                             f"{err.read().decode(errors='replace')}")
    return elapsed, usage.ru_maxrss


def measure_all(argvs: dict[str, list[str]], env: dict[str, str], runs: int) -> dict[str, tuple[float, float, int]]:
    """Median and fastest seconds and peak KiB per command. Rounds interleave the commands, so
    a slow spell of the machine hits every command alike, references included."""
    for argv in argvs.values():
        run_once(argv, env)  # warm-up (and fills the catalogue cache)
    times: dict[str, list[float]] = {k: [] for k in argvs}
    peaks: dict[str, int] = {k: 0 for k in argvs}
    for _ in range(runs):
        for key, argv in argvs.items():
            t, rss = run_once(argv, env)
            times[key].append(t)
            peaks[key] = max(peaks[key], rss)
    return {k: (statistics.median(v), min(v), peaks[k]) for k, v in times.items()}


def make_inputs(work: Path) -> dict[str, Path]:
    answers = work / "answers.yaml"
    answers.write_text("background: software-engineer\nexperience_years: 6\nskills: [python, pytorch, docker]\n"
                       "interests: [build-models, deploy-systems]\nlocation: sf\nhours_per_week: 10\n")
    posting = work / "posting.txt"
    seed = (ROOT / "tests" / "fixtures" / "posting_mle.txt").read_text()
    posting.write_text((seed + "\n") * (1_000_000 // (len(seed) + 1) + 1))
    big = work / "big-catalogue"
    big.mkdir()
    skills = ["skills:"]
    for i in range(2000):
        skills.append(f"  - {{id: bench-skill-{i}, name: Bench skill {i}, aliases: [bsk{i}], category: foundations, "
                      f"learn_hours: 10, sources: [article]}}")
    (big / "skills.yaml").write_text("\n".join(skills) + "\n")
    roles = ["roles:"]
    for i in range(1000):
        must = ", ".join(f"bench-skill-{(i * 7 + k) % 2000}" for k in range(6))
        nice = ", ".join(f"bench-skill-{(i * 7 + k) % 2000}" for k in range(6, 10))
        roles.append(f"""  - id: bench-role-{i}
    name: Bench role {i}
    short_name: Bench role {i}
    track: {'technical' if i % 2 else 'applied'}
    salary: {{low: {100000 + i * 50}, high: {200000 + i * 90}, basis: base+equity, period: "2025", sources: [article]}}
    must_have: [{must}]
    nice_to_have: [{nice}]
    trend: {{demand: rising, summary: synthetic, detail: synthetic benchmark role}}
    example: synthetic
    sources: [article]""")
    (big / "roles.yaml").write_text("\n".join(roles) + "\n")
    return {"answers": answers, "posting": posting, "big": big}


def first_prompt_seconds(aicareer: list[str], env: dict[str, str], tries: int = 5) -> float | None:
    try:
        import pexpect
    except ImportError:
        return None
    times = []
    for _ in range(tries):
        start = time.perf_counter()
        child = pexpect.spawn(aicareer[0], [*aicareer[1:], "assess", "--no-save"],
                              env={**env, "TERM": "xterm", "PROMPT_TOOLKIT_NO_CPR": "1"}, encoding="utf-8",
                              dimensions=(24, 80), timeout=10)
        child.expect_exact("What best describes you")
        times.append(time.perf_counter() - start)
        child.sendcontrol("c")
        child.expect(pexpect.EOF)
        child.close()
    return statistics.median(times)


def positive_int(text: str) -> int:
    value = int(text)  # a ValueError reads "invalid positive_int value: 'x'"
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {value}")
    return value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=positive_int, default=21, help="timed rounds after the warm-up (default 21)")
    args = parser.parse_args()
    exe = shutil.which("aicareer")
    aicareer = [exe] if exe else [PY, "-m", "aicareer"]

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        inputs = make_inputs(work)
        # as a user's shell: no PYTHONDONTWRITEBYTECODE, so the warm-up run leaves the
        # compiled modules that every later start uses (pip does the same on install)
        env = {k: v for k, v in os.environ.items()
               if not k.startswith("AICAREER_") and k != "PYTHONDONTWRITEBYTECODE"}
        env.update({"AICAREER_HOME": str(work / "home"), "XDG_CACHE_HOME": str(work / "cache"),
                    "COLUMNS": "100", "HOME_DIR": str(work)})

        commands: list[tuple[str, list[str], float]] = [
            ("--help", ["--help"], 1.0),
            ("compare", ["compare"], 1.0),
            ("compare --json", ["compare", "--json"], 1.0),
            ("compare mle -l seattle", ["compare", "mle", "--location", "seattle"], 1.0),
            ("locations seattle", ["locations", "seattle"], 1.0),
            ("role mle", ["role", "mle"], 1.0),
            ("market", ["market"], 1.0),
            ("roadmap --track mle", ["roadmap", "--track", "mle", "--no-save"], 1.0),
            ("assess --answers --json", ["assess", "--answers", str(inputs["answers"]), "--json", "--no-save"], 1.0),
            ("gap mle --job (1 MB)", ["gap", "mle", "--job", str(inputs["posting"])], 1.3),
            ("compare (1,000 roles)", ["compare", "--data-dir", str(inputs["big"]), "--no-reference"], 1.5),
        ]
        # --- issue 14: resumes as PDF and DOCX beside a text posting (kept apart from the list above) ---
        resumes = ROOT / "benchmarks" / "eval" / "resumes"
        posting_txt = ROOT / "benchmarks" / "eval" / "postings" / "01-ml-engineer-recommendations.txt"
        commands += [
            (f"gap --job --resume {kind}", ["gap", "--job", str(posting_txt), "--resume", str(resumes / f"backend-swe{kind}")],
             1.5)
            for kind in (".pdf", ".docx")
        ]
        # --- end of issue 14 block ---
        argvs = {"bare": [PY, "-c", "pass"], "app": [PY, str(ROOT / "benchmarks" / "minimal_app.py")]}
        argvs.update({label: [*aicareer, *argv] for label, argv, _ in commands})
        results = measure_all(argvs, env, args.runs)
        bare, _, _ = results["bare"]
        ref, ref_min, ref_rss = results["app"]
        print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}, {args.runs} runs after a warm-up")
        print(f"references: python -c pass {bare * 1000:.0f} ms; minimal Typer+rich+yaml app {ref * 1000:.0f} ms, "
              f"{ref_rss / 1024:.1f} MiB\n")
        print(f"{'command':<26}{'median':>9}{'x app':>8}{'x bare':>8}{'min x app':>10}{'peak MiB':>10}  target (median)")
        ok = True
        for label, _argv, target in commands:
            median, fastest, rss = results[label]
            ratio = median / ref
            mib = rss / 1024
            met = ratio <= target and mib <= 50
            ok &= met
            print(f"{label:<26}{median * 1000:>7.0f}ms{ratio:>7.2f}x{median / bare:>7.1f}x"
                  f"{fastest / ref_min:>9.2f}x{mib:>10.1f}  "
                  f"<= {target:.1f}x, <= 50 MiB  {'met' if met else 'MISSED'}")
        prompt = first_prompt_seconds(aicareer, env)
        if prompt is None:
            print("\nfirst questionnaire prompt: not measured (pip install pexpect)")
        else:
            met = prompt <= 0.4
            ok &= met
            print(f"\nfirst questionnaire prompt appears after {prompt * 1000:.0f} ms  (<= 400 ms  "
                  f"{'met' if met else 'MISSED'})")
        print("\nall targets met" if ok else "\nsome targets missed")


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        sys.stderr.write("benchmark interrupted\n")
        sys.exit(130)
