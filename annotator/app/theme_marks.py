"""Short marks that name a theme in one or two letters, readable without colour."""

from __future__ import annotations

from annotator.core.normalize import normalize
from annotator.core.scheme import Theme


def theme_abbreviations(themes: list[Theme], language: str) -> dict[str, str]:
    """Theme key -> shortest prefix of its name that no other theme's name shares.

    Prefixes are compared after Arabic normalisation, so اقتصادي and إعادة get اق and إع
    rather than ا and إ, which look alike in small type.
    """
    names = {t.key: t.name(language).strip() or t.key for t in themes}
    marks = {}
    for key, name in names.items():
        others = [normalize(n) for k, n in names.items() if k != key]
        length = 1
        while length < len(name) and any(o.startswith(normalize(name[:length])) for o in others):
            length += 1
        marks[key] = name[:length].strip()
    return marks
