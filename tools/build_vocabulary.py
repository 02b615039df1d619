"""Check data/vocabulary.yaml against its schema, data/skills.yaml and O*NET 30.3, and say what O*NET lists that it leaves out.

    python tools/build_vocabulary.py            # check; exit 1 on any problem
    python tools/build_vocabulary.py --onet     # also print each O*NET term's occupations and flags
    python tools/build_vocabulary.py --left-out # also print the Hot / In Demand examples not in the vocabulary

The vocabulary is written by hand (aliases, ambiguity and categories need judgement); this script
keeps its O*NET part honest: every `onet:` name must be a Hot Technology or In Demand example of one
of the occupations in `sources.onet-30.3.occupations`, and every such example is either a term or
listed by --left-out for a person to judge.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
VOCABULARY = ROOT / "data" / "vocabulary.yaml"
SKILLS = ROOT / "data" / "skills.yaml"
ONET_CANDIDATES = [ROOT.parent / "shared" / "sources" / "onet-30.3" / "software_skills.csv",
                   Path("/work/shared/sources/onet-30.3/software_skills.csv")]  # fmt: skip

KEYS = {"id", "name", "aliases", "category", "skill", "ambiguous", "case_sensitive", "onet", "not_in", "sources"}
REQUIRED = {"id", "name", "aliases", "category", "sources"}
ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


def fold(text: str) -> str:
    """The form two spellings must not share: no case, no spaces/hyphens/dots/underscores."""
    return re.sub(r"[\s\-_.]+", "", text.casefold())


def onet_examples(path: Path, occupations: set[str]) -> dict[str, dict[str, str]]:
    """Workplace Example -> {occupation code: 'H', 'D' or 'HD'}, Hot Technology / In Demand rows only."""
    table: dict[str, dict[str, str]] = defaultdict(dict)
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            code = row["O*NET-SOC Code"]
            if code not in occupations:
                continue
            flags = ("H" if row["Hot Technology"] == "Y" else "") + ("D" if row["In Demand"] == "Y" else "")
            if flags:
                table[row["Workplace Example"]][code] = flags
    return table


def check(vocabulary: dict, skill_ids: set[str], onet: dict[str, dict[str, str]] | None) -> list[str]:
    problems: list[str] = []
    categories = {c["id"] for c in vocabulary.get("categories", [])}
    seen_ids: set[str] = set()
    spellings: dict[str, str] = {}
    for index, term in enumerate(vocabulary.get("terms", [])):
        where = f"terms[{index}] ({term.get('id', '?')})"
        if missing := REQUIRED - term.keys():
            problems.append(f"{where}: missing {sorted(missing)}")
        if unknown := term.keys() - KEYS:
            problems.append(f"{where}: unknown keys {sorted(unknown)}")
        tid = str(term.get("id", ""))
        if not ID.match(tid):
            problems.append(f"{where}: id must be lower-case letters, digits and hyphens")
        if tid in seen_ids:
            problems.append(f"{where}: duplicate id")
        seen_ids.add(tid)
        if term.get("category") not in categories:
            problems.append(f"{where}: unknown category {term.get('category')!r}")
        if "skill" in term and term["skill"] not in skill_ids:
            problems.append(f"{where}: skill {term['skill']!r} is not an id in data/skills.yaml")
        for flag in ("ambiguous", "case_sensitive"):
            if flag in term and not isinstance(term[flag], bool):
                problems.append(f"{where}: {flag} must be true or false")
        aliases = term.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
            problems.append(f"{where}: aliases must be a list of non-empty strings")
            aliases = []
        for spelling in [str(term.get("name", "")), *aliases]:
            key = fold(spelling)
            owner = spellings.setdefault(key, tid)
            if owner != tid:
                problems.append(f"{where}: spelling {spelling!r} also belongs to {owner}")
        sources = term.get("sources") or []
        if not sources or not all(s == "onet-30.3" or str(s).startswith("https://") for s in sources):
            problems.append(f"{where}: sources must be 'onet-30.3' and/or https addresses")
        names = term.get("onet")
        if names is not None:
            names = [names] if isinstance(names, str) else names
            if "onet-30.3" not in sources:
                problems.append(f"{where}: has onet: but does not cite onet-30.3")
            for name in names:
                if onet is not None and name not in onet:
                    problems.append(f"{where}: onet {name!r} is not a Hot/In Demand example of the listed occupations")
        elif "onet-30.3" in sources:
            problems.append(f"{where}: cites onet-30.3 without an onet: name")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--onet", action="store_true", help="print each O*NET term's occupations and flags")
    parser.add_argument("--left-out", action="store_true", help="print Hot / In Demand examples not in the vocabulary")
    args = parser.parse_args(argv)

    vocabulary = yaml.safe_load(VOCABULARY.read_text(encoding="utf-8"))
    skills = yaml.safe_load(SKILLS.read_text(encoding="utf-8"))
    skill_ids = {s["id"] for s in skills["skills"]}
    occupations = set(vocabulary["sources"]["onet-30.3"]["occupations"])
    csv_path = next((p for p in ONET_CANDIDATES if p.exists()), None)
    onet = onet_examples(csv_path, occupations) if csv_path else None
    if onet is None:
        print("note: O*NET software_skills.csv not found; onet: names not checked", file=sys.stderr)

    problems = check(vocabulary, skill_ids, onet)
    terms = vocabulary["terms"]
    by_category = Counter(t["category"] for t in terms)
    print(f"{len(terms)} terms, {sum(len(t.get('aliases') or []) for t in terms)} aliases; "
          f"{sum(1 for t in terms if t.get('onet'))} from O*NET, {sum(1 for t in terms if t.get('skill'))} linked to skills.yaml, "
          f"{sum(1 for t in terms if t.get('ambiguous'))} ambiguous")  # fmt: skip
    print("by category: " + ", ".join(f"{c} {n}" for c, n in by_category.most_common()))

    used = {n for t in terms if t.get("onet") for n in ([t["onet"]] if isinstance(t["onet"], str) else t["onet"])}
    if onet is not None:
        left = sorted(set(onet) - used)
        print(
            f"O*NET Hot/In Demand examples for these occupations: {len(onet)}; in the vocabulary: {len(used)}; left out: {len(left)}"
        )
        if args.onet:
            for term in terms:
                for name in [term["onet"]] if isinstance(term.get("onet"), str) else term.get("onet") or []:
                    flags = " ".join(f"{code}:{f}" for code, f in sorted(onet.get(name, {}).items()))
                    print(f"  {term['id']:<22} {name:<45} {flags}")
        if args.left_out:
            for name in left:
                print(f"  left out: {name:<60} {' '.join(f'{c}:{f}' for c, f in sorted(onet[name].items()))}")
    for problem in problems:
        print("problem:", problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
