"""Canned replies: pick the text for a language and fill its placeholders. Pure.

Placeholders are ``{name}`` for the names in ``PLACEHOLDERS`` only; anything else in
braces stays as written, so a macro can never reach into other data (no format-string
attribute access) and a customer's name with braces in it is inserted as is.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

PLACEHOLDERS = ("customer_name", "agent_name", "ticket_id", "subject")
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def text_for(texts: Mapping[str, str], language: str) -> str:
    """The macro's text in ``language``, its base language (pt-BR → pt), or English."""
    for candidate in (language, language.split("-")[0], "en"):
        if texts.get(candidate):
            return texts[candidate]
    return next(iter(texts.values()), "")


def fill(template: str, values: Mapping[str, str]) -> str:
    """Replace known placeholders; unknown ones and stray braces stay untouched."""

    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        if name in PLACEHOLDERS and name in values:
            return values[name]
        return match.group(0)

    return _PLACEHOLDER.sub(one, template)


def unknown_placeholders(template: str) -> list[str]:
    """Placeholders a macro uses that would never be filled (refused when saving)."""
    return sorted({m for m in _PLACEHOLDER.findall(template) if m not in PLACEHOLDERS})
