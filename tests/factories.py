"""Hand-built test data shared by test packages, independent of the readers and segmenter."""

from __future__ import annotations

from annotator.core.document import content_hash
from annotator.core.model import Article, ArticleDraft, Unit


def make_article(title: str, sentences: list[str], **meta) -> Article:
    """A segmented article built by hand: the title, then the sentences as one paragraph."""
    units, text = [Unit("title", title, 0, len(title))], title
    for sentence in sentences:
        text += "\n\n" if len(units) == 1 else " "
        units.append(Unit("sentence", sentence, len(text), len(text) + len(sentence)))
        text += sentence
    return Article(ArticleDraft(title, [], **meta), text, units, content_hash(title, text))


def paragraphs(text: str) -> list[str]:
    """Cleaned text split into paragraphs on blank lines (how the tests read the seed)."""
    from annotator.core.text import clean_text

    return [p for p in clean_text(text).split("\n\n") if p.strip()]
