"""Reading files the user names: answers files, resumes, job postings.

Each failure is an InputError naming the file (exit code 2).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from aicareer.core.errors import InputError
from aicareer.core.files import FileTooLarge, StdinClosed, read_regular, read_stdin
from aicareer.core.yaml_safe import YAMLLimit, load_yaml, safe_yaml

MAX_BYTES = 20 * 1024 * 1024
MAX_ANSWERS_BYTES = 1024 * 1024
"""An answers file is a few hundred bytes; a megabyte is far more than any real one."""


def read_user_text(path: Path | str, what: str = "file") -> tuple[str, str]:
    """(text, name) of a text file, or of standard input when path is '-'.

    Non-UTF-8 bytes are replaced, not fatal (a resume saved as Latin-1 still
    reads); a file with NUL bytes is binary and refused.
    """
    if str(path) == "-":
        name = "standard input"
        try:
            raw = read_stdin(MAX_BYTES)
        except StdinClosed as exc:
            raise InputError(f"{exc.strerror}: nothing to read as the {what} (give a file name instead of -)") from None
    else:
        p = Path(path)
        name = str(p)
        try:
            raw = read_regular(p, MAX_BYTES)
        except FileTooLarge:
            raise InputError(f"{what} {name} is larger than {MAX_BYTES // (1024 * 1024)} MB") from None
        except FileNotFoundError:
            raise InputError(f"{what} {name} does not exist") from None
        except IsADirectoryError:
            raise InputError(f"{what} {name} is a folder, not a file") from None
        except OSError as exc:  # unreadable, a name too long, a device that fails...
            raise InputError(f"cannot read {what} {name}: {exc.strerror or exc}") from None
    if len(raw) > MAX_BYTES:
        raise InputError(f"{what} {name} is larger than {MAX_BYTES // (1024 * 1024)} MB")
    if b"\x00" in raw[:8192]:
        raise InputError(f"{what} {name} looks binary (it holds NUL bytes); give a plain-text file")
    return raw.decode("utf-8", errors="replace"), name


def read_answers_file(path: Path | str) -> dict[str, Any]:
    """An answers file (YAML or JSON) as a mapping."""
    yaml, _ = safe_yaml()
    text, name = read_user_text(path, "answers file")
    if not text.strip():
        raise InputError(f"answers file {name} is empty (aicareer assess --template prints one to start from)")
    try:
        data = load_yaml(text, max_bytes=MAX_ANSWERS_BYTES)
    except YAMLLimit as exc:
        line = f":{exc.line}" if exc.line else ""
        raise InputError(f"answers file {name}{line}: refused: {exc.message}") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line = f":{mark.line + 1}" if mark else ""
        raise InputError(f"answers file {name}{line}: invalid YAML/JSON: {exc.problem}") from None
    except yaml.YAMLError as exc:
        raise InputError(f"answers file {name}: invalid YAML/JSON: {exc}") from None
    if not isinstance(data, dict):
        raise InputError(f"answers file {name}: expected keys and values (background: ..., skills: ...)")
    return {str(k): v for k, v in data.items()}
