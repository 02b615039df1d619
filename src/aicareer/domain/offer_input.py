"""Offers read from what people write: a YAML/JSON document, or the command's flags (as a mapping).

Money as people write it (core.money: 185k, $185,000, 10%); vesting as 25/25/25/25, 5/15/40/40, monthly or
monthly 3y; cliff in months. Every failure is an OfferError naming the offer and the field, on one line.
TEMPLATE is the commented file `aicareer offer --template` prints; it reads back through offers_from_mapping.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from typing import Any

from aicareer.core.money import parse_amount_or_percent, parse_money, parse_percent, quote
from aicareer.domain.offers import FIELDS, Offer, OfferError, Vesting, check_labels, check_vesting

_MONTHLY = re.compile(r"monthly(?:\s*(?:over|:|/)?\s*(\d+)\s*(?:y|yr|yrs|years?)?)?", re.IGNORECASE)


def parse_vesting(value: object) -> Vesting:
    """'25/25/25/25', '5,15,40,40', [25, 25, 25, 25], 'monthly' (4 years) or 'monthly 3y'."""
    if isinstance(value, str) and (match := _MONTHLY.fullmatch(value.strip())):
        years = int(match[1] or 4)
        if not 1 <= years <= 10:
            raise OfferError(f"vesting: {quote(value)}: monthly vesting over 1 to 10 years")
        return Vesting(yearly=(100 / years,) * years, monthly=True)
    if isinstance(value, str) and value.strip().lower().endswith("monthly"):
        return Vesting(yearly=parse_vesting(value.strip()[:-7]).yearly, monthly=True)
    parts = re.split(r"\s*[/,]\s*", value.strip()) if isinstance(value, str) else value
    if not isinstance(parts, (list, tuple)):
        raise OfferError(f"vesting: expected yearly percentages like 25/25/25/25, or monthly; got {quote(value)}")
    try:
        vesting = Vesting(yearly=tuple(parse_percent(p) for p in parts))
    except ValueError as exc:
        raise OfferError(f"vesting: {quote(value)}: {exc}") from None
    check_vesting(vesting)
    return vesting


def _parse_cliff(value: object) -> int:
    text = str(value).strip() if isinstance(value, (int, str)) and not isinstance(value, bool) else ""
    match = re.fullmatch(r"(\d+)\s*(?:m|months?)?", text)
    if match is None:
        raise OfferError(f"cliff: expected whole months like 12 or 0, got {quote(value)}")
    return int(match[1])


def _text(name: str, value: object) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise OfferError(f"{name}: expected text, got {quote(value)}")
    return value.strip() or None


def offer_from_mapping(entry: object, where: str = "offer") -> Offer:
    """One offer from a mapping of FIELDS whose money may be text ('185k', '10%'); flags use this too."""
    if not isinstance(entry, Mapping):
        raise OfferError(f"{where}: expected a mapping of {', '.join(FIELDS)}; got {quote(entry)}")
    given = {str(k).strip().replace("-", "_"): v for k, v in entry.items()}
    label = given.get("label")
    where = f"{where} ({label})" if isinstance(label, str) and label.strip() else where
    for key in entry:
        if str(key).strip().replace("-", "_") not in FIELDS:
            near = difflib.get_close_matches(str(key).replace("-", "_"), FIELDS, n=1)
            hint = f"; did you mean {near[0]}?" if near else f" (known: {', '.join(FIELDS)})"
            raise OfferError(f"{where}: unknown key {quote(key)}{hint}")
    if given.get("base") is None:
        raise OfferError(f"{where}: base: missing (the yearly base salary, e.g. 185k)")
    try:
        fields: dict[str, Any] = {"label": _text("label", label) or where}
        for name, value in given.items():
            if value is None or name == "label":
                continue
            if name in ("base", "sign_on", "equity", "refresh"):
                fields[name] = _prefixed(name, parse_money, value)
            elif name == "bonus":
                fields[name] = _prefixed(name, parse_amount_or_percent, value)
            elif name == "growth":
                fields[name] = _prefixed(name, lambda v: parse_percent(v, allow_negative=True), value)
            elif name == "vesting":
                fields[name] = parse_vesting(value)
            elif name == "cliff":
                fields[name] = _parse_cliff(value)
            else:
                fields[name] = _text(name, value)
        fields.setdefault("cliff", 12 if fields.get("equity") else 0)
        return Offer(**fields)
    except OfferError as exc:
        raise OfferError(f"{where}: {exc}") from None


def _prefixed(name: str, parse: Any, value: object) -> Any:
    try:
        return parse(value)
    except ValueError as exc:
        raise OfferError(f"{name}: {exc}") from None


def offers_from_mapping(data: object) -> list[Offer]:
    """The offers of a document {offers: [{label:, base:, bonus: "10%", ...}, ...]}."""
    if not isinstance(data, Mapping) or set(data) != {"offers"}:
        extra = sorted(str(k) for k in data if k != "offers") if isinstance(data, Mapping) else []
        raise OfferError(f"offers file: unknown key {quote(extra[0])}; only 'offers' is allowed" if extra
                         else "offers file: expected a mapping with one key, 'offers' (see --template)")
    entries = data["offers"]
    if not isinstance(entries, list) or not entries:
        raise OfferError(f"offers file: 'offers' must be a non-empty list, got {quote(entries)}")
    offers = [offer_from_mapping(e, f"offer {i}") for i, e in enumerate(entries, 1)]
    check_labels(offers)
    return offers


def offer_to_mapping(offer: Offer) -> dict[str, Any]:
    """The offer as a plain mapping that offer_from_mapping reads back unchanged (for saving)."""
    data = {name: getattr(offer, name) for name in FIELDS}
    data["bonus"] = f"{offer.bonus.value!r}%" if offer.bonus.percent else offer.bonus.value
    data["vesting"] = str(offer.vesting) if offer.vesting.monthly else list(offer.vesting.yearly)
    return {k: v for k, v in data.items() if v is not None}



TEMPLATE = """\
# Offers for 'aicareer offer --offers FILE' (YAML; JSON with the same keys works too).
# The numbers below are made-up examples: put your own offers' figures in their place.
# Money: 185000, $185,000, 185k or 1.2m. Only label and base are needed; leave out the rest.
offers:
  - label: Acme AI, San Francisco
    base: 185k              # yearly base salary
    bonus: 10%              # target bonus: a percent of base (10%) or dollars (15k)
    sign_on: 20k            # one-off, paid in year 1
    equity: 400k            # the whole grant's value in dollars when granted
    vesting: 25/25/25/25    # yearly percentages adding to 100 (5/15/40/40), or monthly, or monthly 3y
    cliff: 12               # months before anything vests (default 12 with equity; 0 for no cliff)
    refresh: 0              # a refresher grant's value each year (given at each year's end from year 1)
    growth: 0%              # assumed yearly change in the equity's value (10%, -20%); 0 = grant value
    role: mle               # as 'aicareer roles' lists them
    location: sf            # sf, nyc, austin, remote or us
    level: mid              # entry, mid or senior
  - label: Borealis Labs, Austin
    base: $160,000
    bonus: 15k
    equity: 240k
    vesting: monthly        # equal monthly parts over 4 years; the cliff releases the first 12 at once
    cliff: 12
    refresh: 40k
    role: mle
    location: austin
    level: senior
"""
