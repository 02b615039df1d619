"""The one place that picks PyYAML's safe loader, and the bounds on what it may build.

A safe loader still builds whatever the text describes: 450 bytes of nested aliases
(`&a [x,x,...], &b [*a,*a,...], ...`) describe a billion nodes, which every later walk
(validation, JSON, msgspec) then expands; 100,000 nested brackets overflow the
stack. `load_yaml` therefore first walks the parser's events (libyaml's parser is
iterative, and only events are made, not objects) and refuses, with a YAMLLimit:
- a text larger than its size bound,
- nesting deeper than MAX_DEPTH,
- aliases that would expand to more than MAX_NODES nodes (ordinary anchors pass),
and turns a value the constructor cannot build (2026-02-30, `!!int 0x`, `!!float abc`,
an integer of 4,401 digits) into a YAMLLimit too. Callers add the file name.
"""

from __future__ import annotations

from typing import Any

MAX_DEPTH = 64
MAX_NODES = 1_000_000
MAX_ALIASES = 10_000


class YAMLLimit(ValueError):
    """The text is refused: too large, too deep, an alias bomb, or a value that cannot be built.
    `line` is the 1-based line where that is known."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message, self.line = message, line


def safe_yaml() -> tuple[Any, Any]:
    """PyYAML and its safe loader: libyaml's where it was built (several times faster).
    Imported here, on first use, so commands that read no YAML never load it."""
    import yaml

    return yaml, getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def check_shape(text: str, max_depth: int = MAX_DEPTH, max_nodes: int = MAX_NODES) -> None:
    """Raise YAMLLimit when `text` nests deeper than max_depth or its aliases expand past
    max_nodes. Parse errors are left for the loader to report with its own message."""
    yaml, loader = safe_yaml()
    if "*" not in text and text.count("[") + text.count("{") < max_depth and "\n" + " " * (2 * max_depth) not in text:
        return  # no alias and too few openers or indents to nest that deep: nothing to walk
    sizes: dict[str, int] = {}  # anchor -> nodes it expands to
    stack: list[tuple[str | None, int]] = []  # open collections: (anchor, nodes so far)
    total = aliases = 0
    try:
        for event in yaml.parse(text, Loader=loader):
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                stack.append((event.anchor, 1))
                if len(stack) > max_depth:
                    raise YAMLLimit(f"nested more than {max_depth} levels deep", event.start_mark.line + 1)
                continue
            if isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                anchor, size = stack.pop()
            elif isinstance(event, yaml.ScalarEvent):
                anchor, size = event.anchor, 1
            elif isinstance(event, yaml.AliasEvent):
                aliases += 1
                anchor, size = None, sizes.get(event.anchor or "", 1)
                if aliases > MAX_ALIASES:
                    raise YAMLLimit(f"more than {MAX_ALIASES:,} aliases", event.start_mark.line + 1)
            else:
                continue
            if anchor:
                sizes[anchor] = size
            if stack:
                top_anchor, top_size = stack[-1]
                stack[-1] = (top_anchor, top_size + size)
            else:
                total += size
            if size > max_nodes or total > max_nodes:
                raise YAMLLimit(f"aliases expand to more than {max_nodes:,} values (an alias bomb?)",
                                event.start_mark.line + 1)
    except yaml.YAMLError:
        return


def load_yaml(text: str, *, max_bytes: int | None = None) -> Any:
    """Parse `text` with the safe loader within the bounds above. Raises YAMLLimit, or
    PyYAML's own YAMLError for text that is not YAML."""
    if max_bytes is not None and len(text) > max_bytes:
        from aicareer.core.files import size_text

        raise YAMLLimit(f"larger than {size_text(max_bytes)}")
    check_shape(text)
    yaml, loader = safe_yaml()
    try:
        return yaml.load(text, Loader=loader)  # noqa: S506 - a safe loader
    except yaml.YAMLError:
        raise
    except (ValueError, TypeError, OverflowError, RecursionError) as exc:
        # a value the constructor cannot build: an impossible date, `!!int 0x`, 4,401 digits
        raise YAMLLimit(f"a value that cannot be read: {' '.join(str(exc).split())[:200]}") from None
