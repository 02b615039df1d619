"""The one place that picks PyYAML's safe loader."""

from __future__ import annotations

from typing import Any


def safe_yaml() -> tuple[Any, Any]:
    """PyYAML and its safe loader: libyaml's where it was built (several times faster).
    Imported here, on first use, so commands that read no YAML never load it."""
    import yaml

    return yaml, getattr(yaml, "CSafeLoader", yaml.SafeLoader)
