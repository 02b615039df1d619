"""The saved offers (`aicareer offer --save`), stored like the profile: one JSON file in the state folder,
written atomically; a damaged file is moved aside with a warning (state.store)."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from pathlib import Path

from aicareer.domain.offer_input import offer_to_mapping, offers_from_mapping
from aicareer.domain.offers import Offer, OfferError
from aicareer.state.store import home, locked, read_state, set_aside, write_state

OFFERS = "offers.json"


def offers_path() -> Path:
    return home() / OFFERS


def load_offers() -> list[Offer]:
    """The saved offers ([] when none). A file that no longer reads as offers is moved aside, with a warning."""
    data = read_state(offers_path(), "offers")
    if data is None:
        return []
    try:
        return offers_from_mapping({"offers": data.get("offers")})
    except OfferError:
        set_aside(offers_path(), "offers")
        return []


def save_offers(offers: Sequence[Offer]) -> Path:
    """Replace the saved offers with these."""
    path = offers_path()
    now = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
    with locked(path):  # replaced whole, like the profile: the last save wins, never half of two
        write_state(path, {"saved": now, "offers": [offer_to_mapping(o) for o in offers]})
    return path
