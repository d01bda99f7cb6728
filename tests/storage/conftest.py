from __future__ import annotations

import pytest

from annotator.core.model import Article
from annotator.storage.store import Store
from tests.factories import make_article


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
