"""The commented answers file printed by `aicareer assess --template`."""

from __future__ import annotations

from aicareer.catalogue.index import Catalogue


def answers_template(cat: Catalogue) -> str:
    lines = [
        "# aicareer answers file: fill in, then run  aicareer assess --answers THIS_FILE",
        "# YAML (or JSON). Names are case-insensitive; skills by name or alias (k8s, torch, ...).",
        "",
    ]
    for q in cat.questions_file.questions:
        lines.append(f"# {q.prompt}" + ("" if q.required else "  (optional)"))
        if q.kind in ("select", "checkbox"):
            choices = ", ".join(cid for cid, _ in cat.choices(q))
            lines.append(f"# {'one' if q.kind == 'select' else 'any'} of: {choices}")
        if q.kind == "skills":
            for category in cat.skills_file.categories:
                names = [s.id for s in cat.skills.values() if s.category == category.id]
                if names:
                    lines.append(f"#   {category.name}: {', '.join(names)}")
        if q.kind == "integer" and q.min is not None:
            lines.append(f"# a whole number from {q.min} to {q.max}")
        if q.kind in ("checkbox", "skills"):
            example = {"skills": "[python, docker]", "interests": "[build-models]"}.get(q.id, "[]")
            lines.append(f"{q.id}: {example}")
        else:
            lines.append(f"{q.id}: {q.default if q.default is not None else ''}".rstrip())
        lines.append("")
    return "\n".join(lines)
