"""gap: skill gaps for a role, a resume or a job posting."""

from pathlib import Path
from typing import Annotated, Any

import typer

from aicareer.cli.app import (
    DataDir,
    Json,
    SkillsOpt,
    command,
    load_data,
    notice,
    print_json,
    show,
)
from aicareer.core.errors import InputError


def known_skills(cat: Any, skills: str | None, resume: Path | None) -> tuple[set[str], str, int | None]:
    """Skill ids the user has, where they came from, and their hours a week (if saved).

    --skills and --resume are used together; without either, the saved profile.
    """
    from aicareer.catalogue.names import comma_list
    from aicareer.readers.user_files import read_user_text
    from aicareer.state import profile

    known: set[str] = set()
    sources: list[str] = []
    if skills is not None:
        names = comma_list(skills)
        known |= {cat.resolve_skill(n).id for n in names}
        sources.append(f"--skills ({len(names)})")
    if resume is not None:
        text, name = read_user_text(resume, "resume")
        found = cat.skill_matcher.find(text)
        known |= set(found)
        sources.append(f"{name} ({len(found)} catalogue skills found)")
    saved = profile.saved_answers()
    hours = saved.get("hours_per_week") if isinstance(saved.get("hours_per_week"), int) else None
    if not sources:
        if saved.get("skills"):
            known = {cat.resolve_skill(str(n)).id for n in saved["skills"]}
            sources.append(f"your saved profile ({len(known)})")
        else:
            sources.append("none given (use --skills, --resume, or run aicareer assess)")
    return known, ", ".join(sources), hours


@command()
def gap(
    role: Annotated[str | None, typer.Argument(help="A role by id, alias or name (optional with --job).",
                                                  show_default=False, metavar="ROLE")] = None,
    skills: SkillsOpt = None,
    resume: Annotated[Path | None, typer.Option("--resume", help="A plain-text resume to read your skills from.",
                                                   show_default=False, metavar="FILE")] = None,
    job: Annotated[Path | None, typer.Option("--job", help="A job posting (plain text; '-' for stdin).",
                                                show_default=False, metavar="FILE")] = None,
    json_out: Json = False,
    data_dir: DataDir = None,
) -> None:
    """What you have and lack for a role or a job posting.

    Most important first. Your skills come from --skills and --resume, or else from your saved profile.

    \b
    Examples:
      aicareer gap mle --skills "Python, PyTorch, Docker"
      aicareer gap mle                       (skills from your saved profile)
      aicareer gap mle --resume resume.txt
      aicareer gap --job posting.txt --resume resume.txt

      cat posting.txt | aicareer gap --job -
    """
    if role is None and job is None:
        raise InputError("give a ROLE (e.g. aicareer gap mle) or a posting with --job FILE")
    if str(resume) == "-" and str(job) == "-":
        raise InputError("only one of --resume and --job can read standard input")
    from aicareer.domain import gaps, postings
    from aicareer.readers.user_files import read_user_text
    from aicareer.render import json_shapes

    cat = load_data(data_dir)
    found_role = cat.resolve_role(role) if role is not None else None
    known, known_from, hours = known_skills(cat, skills, resume)
    role_gap = gaps.role_gap(cat, found_role, known) if found_role else None
    posting = None
    if job is not None:
        text, name = read_user_text(job, "posting")
        if not text.strip():
            raise InputError(f"posting {name} is empty")
        posting = (name, postings.analyse(cat, text, known))
        if not posting[1].skills:
            notice(f"no catalogue skills found in {name}")
    if json_out:
        out: dict[str, Any] = {"data_as_of": cat.reviewed.isoformat()}
        if role_gap:
            out["role_gap"] = json_shapes.role_gap(cat, role_gap, known_from)
        if posting:
            out["posting"] = json_shapes.posting(posting[0], posting[1], known_from)
        print_json(out)
        return
    from aicareer.render import gap_view

    if posting and posting[1].skills:
        show(gap_view.posting_view(cat, posting[0], posting[1], known_from))
    if role_gap:
        show(gap_view.role_gap_view(cat, role_gap, known_from, hours))
