"""The base of every catalogue data model (catalogue/models.py re-exports it)."""


import msgspec


class Model(msgspec.Struct, frozen=True, forbid_unknown_fields=True, kw_only=True):
    """Base for every data model."""
