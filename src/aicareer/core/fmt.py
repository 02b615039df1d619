"""Plain-text formatting of money and percentages (no rich, no I/O)."""

from __future__ import annotations


def money(value: int | float, open_top: bool = False) -> str:
    """$150k, $1.2M, $350k+ (compact, for tables)."""
    if value >= 1_000_000:
        text = f"${value / 1_000_000:.1f}M"
    elif value >= 1000:
        text = f"${round(value / 1000):,}k"
    else:
        text = f"${value:,.0f}"
    return text + ("+" if open_top else "")


def money_range(low: int, high: int, open_top: bool = False) -> str:
    return f"{money(low)}–{money(high, open_top)}"


def dollars(value: int | float) -> str:
    """$171,725 (exact, for prose)."""
    return f"${value:,.0f}"


def percent(value: float, signed: bool = False) -> str:
    text = f"{value:+.1f}" if signed else f"{value:.1f}"
    text = text[:-2] if text.endswith(".0") else text
    return text.replace("-", "−") + "%"


def figure_value(value: float, unit: str, value_high: float | None = None) -> str:
    if unit == "usd":
        return dollars(value)
    if unit == "count":
        return f"{value:,.0f}"
    signed = unit == "percent_change"
    if value_high is not None:
        return f"{percent(value, signed)[:-1]}–{percent(value_high)}"
    return percent(value, signed)
