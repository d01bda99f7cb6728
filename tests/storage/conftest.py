from __future__ import annotations

import pytest

from annotator.core.document import content_hash
from annotator.core.model import Article, ArticleDraft, Unit
from annotator.storage.store import Store


def make_article(title: str, sentences: list[str], **meta) -> Article:
    """A segmented article built by hand, so storage tests don't depend on the segmenter."""
    units, text = [Unit("title", title, 0, len(title))], title
    for sentence in sentences:
        text += "\n\n" if len(units) == 1 else " "
        units.append(Unit("sentence", sentence, len(text), len(text) + len(sentence)))
        text += sentence
    return Article(ArticleDraft(title, [], **meta), text, units, content_hash(title, text))


@pytest.fixture
def store(tmp_path) -> Store:
    with Store(tmp_path / "project.annotator") as s:
        yield s


@pytest.fixture
def article() -> Article:
    return make_article(
        "وزيرا الخارجية والدفاع يبحثان التعاون",
        [
            "التقى الوزيران الرئيس في موسكو.",
            "ناقش الجانبان إعادة الإعمار.",
            "وتطرق اللقاء إلى الاقتصاد.",
        ],
        source="seed.txt",
        category="دولي",
    )
