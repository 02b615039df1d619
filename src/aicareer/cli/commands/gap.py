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


def known_skills(cat: Any, skills: str | None, resume: Path | None) -> tuple[Any, str, int | None, list[str]]:
    """What the user knows (a SkillSet), where it came from, their hours a week (if saved), and the
    terms found in the resume (to show, so the person can correct them).

    --skills and --resume are used together; without either, the saved profile. Names the
    catalogue does not know are kept and reported, never an error.
    """
    from aicareer.catalogue.names import comma_list
    from aicareer.catalogue.skillset import SkillSet
    from aicareer.readers.inputs import read_input
    from aicareer.state import profile

    voc = cat.vocabulary
    known = SkillSet()
    sources: list[str] = []
    from_resume: list[str] = []
    if skills is not None:
        names = comma_list(skills)
        known = known | voc.read_skills(names)
        sources.append(f"--skills ({len(names)})")
    if resume is not None:
        doc = read_input(resume, "resume", allow_empty=True)
        notice(doc.summary)
        found = voc.from_text(doc.text)
        known = known | found
        from_resume = sorted(found.terms, key=lambda t: voc.display(t).lower())
        sources.append(f"{doc.name} ({len(found.terms)} skills found)")
    saved = profile.saved_answers()
    hours = saved.get("hours_per_week") if isinstance(saved.get("hours_per_week"), int) else None
    if not sources:
        if saved.get("skills"):
            known = voc.read_skills(str(n) for n in saved["skills"])
            sources.append(f"your saved profile ({len(saved['skills'])})")
        else:
            sources.append("none given (use --skills, --resume, or run aicareer assess)")
    if known.unknown:
        notice(not_in_catalogue(known))
    return known, ", ".join(sources), hours, from_resume


def not_in_catalogue(known: Any) -> str:
    """'not in the catalogue: Go2, Foo (did you mean Go?); kept as you wrote them'."""
    parts = []
    for name in known.unknown:
        near = known.suggestions.get(name) or ()
        parts.append(f"{name} (did you mean {' or '.join(near)}?)" if near else name)
    return f"not in the catalogue: {', '.join(parts)}; kept as you wrote them"


@command()
def gap(
    role: Annotated[str | None, typer.Argument(help="A role by id, alias or name (optional with --job).",
                                                  show_default=False, metavar="ROLE")] = None,
    skills: SkillsOpt = None,
    resume: Annotated[Path | None, typer.Option("--resume", help="Your resume (PDF, DOCX, HTML or text; '-' for "
                                                   "stdin) to read your skills from.",
                                                   show_default=False, metavar="FILE")] = None,
    job: Annotated[Path | None, typer.Option("--job", help="A job posting (PDF, DOCX, HTML or text; '-' for "
                                                "stdin).",
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
      aicareer gap mle --resume resume.pdf
      aicareer gap --job posting.html --resume resume.docx

      cat posting.txt | aicareer gap --job -
    """
    if role is None and job is None:
        raise InputError("give a ROLE (e.g. aicareer gap mle) or a posting with --job FILE")
    if str(resume) == "-" and str(job) == "-":
        raise InputError("only one of --resume and --job can read standard input")
    from aicareer.domain import gaps, postings
    from aicareer.readers.inputs import read_input
    from aicareer.render import json_shapes

    cat = load_data(data_dir)
    found_role = cat.resolve_role(role) if role is not None else None
    known, known_from, hours, from_resume = known_skills(cat, skills, resume)
    role_gap = gaps.role_gap(cat, found_role, known.skills) if found_role else None
    posting = None
    if job is not None:
        doc = read_input(job, "posting")
        notice(doc.summary)
        posting = (doc.name, postings.analyse(cat, doc.text, known))
        if not posting[1].requirements:
            notice(f"no known skills found in {doc.name}")
    if json_out:
        print_json(json_shapes.gap(cat, known, from_resume, known_from, role_gap, posting))
        return
    from aicareer.render import gap_view

    if resume is not None:
        show(gap_view.resume_skills_view(cat, from_resume))
    if posting and posting[1].requirements:
        show(gap_view.posting_view(cat, posting[0], posting[1], known_from))
    if role_gap:
        show(gap_view.role_gap_view(cat, role_gap, known_from, hours))
