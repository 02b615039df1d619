"""The command line's one rule for output formats and files, and the choice lists its help shows.

- `--format` takes a format's name or a common alias (md, ical, txt), in any case;
- `-o FILE` infers the format from FILE's extension (.md, .json, .ics, .html, .txt), and a
  `--format` (or `--json`) that says otherwise is refused (exit 2), as is an extension the
  command cannot write (`report -o r.pdf`);
- `-o -` means standard output, never a file named '-'.

Only light imports here: every command module reads this at start-up.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Annotated, Any, NamedTuple

import typer

from aicareer.core.errors import InputError

#: alias (lower case) -> the format's name
ALIASES = {"md": "markdown", "markdown": "markdown", "json": "json", "ics": "ics", "ical": "ics",
           "icalendar": "ics", "html": "html", "htm": "html", "table": "table", "txt": "table", "text": "table"}
#: file extension -> the format it means
EXTENSIONS = {".md": "markdown", ".markdown": "markdown", ".json": "json", ".ics": "ics", ".html": "html",
              ".htm": "html", ".txt": "table"}
#: the extension named in messages for each format
MAIN_EXTENSION = {"markdown": ".md", "json": ".json", "ics": ".ics", "html": ".html", "table": ".txt"}


class Target(NamedTuple):
    """Where a command's output goes: `fmt` is a format's name; `path` None means stdout."""

    fmt: str
    path: Path | None

    @property
    def to_stdout(self) -> bool:
        return self.path is None


def format_name(value: str, allowed: Sequence[str]) -> str:
    """A --format value (a name or an alias, any case) as the format's name; else InputError."""
    name = ALIASES.get(value.strip().lower())
    if name is None or name not in allowed:
        raise InputError(f"unknown format {value!r}; use {format_choices(allowed)}")
    return name


def format_choices(allowed: Sequence[str]) -> str:
    """'table (txt), markdown (md), json or ics (ical)': the names with their aliases, for help and errors."""
    parts = []
    for name in allowed:
        aliases = [a for a, n in ALIASES.items() if n == name and a != name and a not in ("htm", "text",
                                                                                         "icalendar")]
        parts.append(f"{name} ({', '.join(aliases)})" if aliases else name)
    return or_list(parts)


def target(fmt: str | None, output: Path | None, allowed: Sequence[str], *, default: str,
           json: bool = False) -> Target:
    """The format and file for a command line's --format, -o and --json; a contradiction is an InputError.

    `allowed` are the formats the command writes, `default` the one used when nothing says otherwise.
    """
    given = format_name(fmt, allowed) if fmt is not None else None
    if json:
        if "json" not in allowed:
            raise InputError("--json: this command has no JSON output")
        if given is not None and given != "json":
            raise InputError(f"--json and --format {fmt} disagree; give one of them")
        given = "json"
    if output is None or str(output) == "-":
        return Target(given or default, None)
    suffix = output.suffix.lower()
    if suffix:
        inferred = EXTENSIONS.get(suffix)
        if inferred is None or inferred not in allowed:
            writes = or_list([MAIN_EXTENSION[f] for f in allowed])
            raise InputError(f"-o {output}: cannot write a {suffix} file; this command writes {writes}")
        if given is not None and given != inferred:
            flag = "--json" if json else f"--format {fmt}"
            raise InputError(f"{flag} does not match -o {output} (a {suffix} file is {inferred}); "
                             "drop one or make them agree")
        return Target(inferred, output)
    return Target(given or default, output)


#: ctx.meta key (click shares meta with every nested context): --json given before a subcommand,
#: as in `aicareer progress --json done ID` or `aicareer profile --json show`
JSON_META = "aicareer.json"


def wants_json(ctx: Any, json_out: bool) -> bool:
    """--json on the subcommand itself or on its group, before it."""
    return json_out or bool(ctx.meta.get(JSON_META))


def or_list(items: Iterable[str]) -> str:
    """'a, b or c'."""
    items = list(items)
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} or {items[-1]}"


def choice(value: str | None, allowed: Sequence[str], what: str) -> str | None:
    """A fixed-list option's value in any case (`--sort Midpoint`); an unknown one is an InputError
    with the closest match."""
    if value is None:
        return None
    name = value.strip().lower()
    if name in allowed:
        return name
    from aicareer.core.suggest import unknown

    raise unknown(what, value, list(allowed))


# --- values that come from the data ----------------------------------------------------------
# Typer builds every option (and its help) before it parses the command line, so reading the data
# for the help would cost every start-up ~20-80 ms (PyYAML or the catalogue). The help therefore
# names the bundled data's values as text, and tests/test_cli_surface.py checks that text against
# the data, so the two cannot drift apart. Shell completion reads the data itself, when asked.

#: --background: the ids of data/questions.yaml's background question, with their best-known synonyms
BACKGROUNDS = ("software-engineer", "product-manager", "data-scientist", "data-analyst", "data-engineer",
               "devops-engineer", "researcher", "student", "other")
BACKGROUND_SHOWN_SYNONYMS = {"software-engineer": "swe", "product-manager": "pm", "other": "career-changer"}


def id_list(ids: Sequence[str], lead: str, width: int = 46) -> str:
    """An option's help that lists ids below `lead`, lines packed to `width` cells and kept as they
    are (click's '\\b' paragraph), so the help never breaks an id at its hyphen."""
    lines: list[str] = []
    for i, name in enumerate(ids):
        item = name + ("," if i < len(ids) - 1 else ".")
        if lines and len(lines[-1]) + 1 + len(item) <= width:
            lines[-1] += " " + item
        else:
            lines.append(item)
    return "\b\n" + "\n".join([lead, *lines])


#: --track: the roles with a roadmap track (data/roles.yaml, `track`), in the data's order
TRACKS = ("mle", "prompt", "aipm", "nlp", "ai-engineer", "data-scientist", "mlops", "research-scientist",
          "data-engineer", "cv-engineer", "solutions-architect")


def track_help(tail: str) -> str:
    """--track's help: every track id (any alias or name of the role works too)."""
    return id_list(TRACKS, "A role with a plan, by id, alias or name:") + f"\n{tail}"


def background_help(tail: str = "") -> str:
    """--background's help: every background id (with a synonym or two), any case."""
    items = [f"{b} ({BACKGROUND_SHOWN_SYNONYMS[b]})" if b in BACKGROUND_SHOWN_SYNONYMS else b for b in BACKGROUNDS]
    return id_list(items, "One of (any case):") + (f"\n{tail}" if tail else "")


#: hours a week: the questionnaire's range (data/questions.yaml, hours_per_week min and max)
HOURS = (1, 80)


def check_hours(hours: int | None, flag: str = "--hours-per-week") -> int | None:
    """Hours a week within the one range, else an InputError (exit 2)."""
    if hours is not None and not HOURS[0] <= hours <= HOURS[1]:
        raise InputError(f"{flag}: hours per week must be {HOURS[0]}..{HOURS[1]}, got {hours}")
    return hours


def data_choices(question: str) -> list[str]:
    """The ids (and synonyms) a bundled question accepts, e.g. 'background', 'interests', 'industries'."""
    try:
        from aicareer.catalogue.loader import load_catalogue

        cat = load_catalogue(None)
        q = cat.questions.get(question)
        if q is None:
            return [i.id for i in cat.market.industries] if question == "industries" else []
        return [choice_id for choice_id, _label in cat.choices(q)]
    except Exception:  # noqa: BLE001 - completion must never fail loudly
        return []


def completer(question: str) -> Any:
    """A shell-completion function over a bundled question's values (reads the data only when asked)."""

    def complete(incomplete: str) -> list[str]:
        # a comma-separated list completes its last item
        head, _, last = incomplete.rpartition(",")
        prefix = f"{head}," if head else ""
        return [prefix + v for v in data_choices(question) if v.startswith(last.strip().lower())]

    return complete


# The bundled data's values (data/questions.yaml, data/market.yaml), checked against the data by
# tests/test_cli_surface.py: see the module docstring for why the help does not read them at start-up.
INTERESTS = ("build-models", "deploy-systems", "prompt-design", "llm-evaluation", "product-strategy", "stakeholders",
             "language-speech", "research", "llm-apps", "data-analysis", "data-pipelines", "infrastructure",
             "computer-vision", "customer-facing")
INDUSTRIES = ("big-tech", "finance", "healthcare", "legal", "contact-centers", "autonomous-vehicles",
              "research-labs", "ecommerce-startups")
INTERESTS_HELP = id_list(INTERESTS, "Comma-separated, any of:")
INDUSTRIES_HELP = id_list(INDUSTRIES, "Comma-separated, any of:")


#: the assess answers as options, declared once (assess, and report's what-if flags)
Interests = Annotated[str | None, typer.Option(help=INTERESTS_HELP, show_default=False, metavar="LIST",
                                               autocompletion=completer("interests"))]
Industries = Annotated[str | None, typer.Option(help=INDUSTRIES_HELP, show_default=False, metavar="LIST",
                                                autocompletion=completer("industries"))]
