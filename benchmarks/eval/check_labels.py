"""Check labels.yaml and traps.txt against data/vocabulary.yaml and the documents; print the set's counts.

    python benchmarks/eval/check_labels.py                                   # exit 1 on any problem
    python benchmarks/eval/check_labels.py --labels benchmarks/eval/holdout3/labels.yaml

Checks: every id is a vocabulary id; every labelled file exists (PDF/DOCX: run make_files.py first);
no id is listed twice in one document; each any_of group has two or more ids; every trap phrase occurs
in its document (as the readers give it); traps.txt expectations name vocabulary ids.
"""

from __future__ import annotations

import argparse
import html
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT / "src"))

from aicareer.readers import read_document  # noqa: E402


def flatten(items: list) -> tuple[list[str], list[list[str]]]:
    """(single ids, any_of groups) of a required/nice/skills list."""
    singles: list[str] = []
    groups: list[list[str]] = []
    for item in items or []:
        if isinstance(item, dict):
            groups.append(list(item.get("any_of") or []))
        else:
            singles.append(str(item))
    return singles, groups


def parse_traps(path: Path) -> list[tuple[str, list[str]]]:
    """[(phrase, expected ids)] from traps.txt; expected is [] for a phrase that must yield nothing."""
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        phrase, _, expected = line.partition("=>")
        cases.append((phrase.strip(), [e.strip() for e in expected.split(",") if e.strip()]))
    return cases


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--labels", type=Path, default=HERE / "labels.yaml",
                        help="a labels file (files in it are relative to its folder); default: the tuning set")
    args = parser.parse_args()
    here = args.labels.resolve().parent
    vocabulary = yaml.safe_load((ROOT / "data" / "vocabulary.yaml").read_text(encoding="utf-8"))
    ids = {t["id"] for t in vocabulary["terms"]}
    labels = yaml.safe_load(args.labels.read_text(encoding="utf-8"))
    problems: list[str] = []
    counts = {"posting": 0, "resume": 0, "required": 0, "nice": 0, "any_of": 0, "skills": 0, "traps": 0}
    for doc in labels["documents"]:
        name = doc["file"]
        counts[doc["kind"]] += 1
        seen: list[str] = []
        for key in ("required", "nice", "skills", "mentioned"):
            singles, groups = flatten(doc.get(key))
            if key in counts:
                counts[key] += len(singles) + len(groups)
            counts["any_of"] += len(groups)
            for group in groups:
                if len(group) < 2:
                    problems.append(f"{name}: {key}: an any_of group needs two or more ids: {group}")
            for tid in singles + [t for g in groups for t in g]:
                if tid not in ids:
                    problems.append(f"{name}: {key}: {tid!r} is not a vocabulary id")
                seen.append(tid)
        for tid in {t for t in seen if seen.count(t) > 1}:
            problems.append(f"{name}: {tid!r} is labelled more than once")
        paths = [here / name] + [here / p for p in doc.get("also") or []]
        for path in paths:
            if not path.exists():
                problems.append(f"{path.relative_to(here)} does not exist (PDF/DOCX: run make_files.py)")
        if not paths[0].exists():
            continue
        text = " ".join(read_document(paths[0]).text.split())
        for trap in doc.get("traps") or []:
            counts["traps"] += 1
            if trap["not"] not in ids:
                problems.append(f"{name}: trap id {trap['not']!r} is not a vocabulary id")
            haystack = text
            if paths[0].suffix == ".html":  # a trap may sit in markup the reader drops (a script, the nav)
                haystack += " " + " ".join(html.unescape(paths[0].read_text(encoding="utf-8")).split())
            if " ".join(trap["phrase"].split()) not in haystack:
                problems.append(f"{name}: trap phrase not in the text: {trap['phrase']!r}")
    cases = parse_traps(here / "traps.txt") if (here / "traps.txt").exists() else []
    for phrase, expected in cases:
        for tid in expected:
            if tid not in ids:
                problems.append(f"traps.txt: {phrase!r} expects {tid!r}, not a vocabulary id")
    negatives = sum(1 for _, e in cases if not e)
    print(f"{counts['posting']} postings, {counts['resume']} resumes (x3 formats); "
          f"{counts['required']} required and {counts['nice']} nice requirements ({counts['any_of']} any_of groups), "
          f"{counts['skills']} resume skills, {counts['traps']} in-document traps; "
          f"traps.txt: {negatives} must-yield-nothing phrases, {len(cases) - negatives} contrast phrases")  # fmt: skip
    for problem in problems:
        print("problem:", problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
