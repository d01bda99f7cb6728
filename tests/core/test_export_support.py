"""Builders shared by the export tests: a small labelled project made through the Store API.

Articles are built by hand (not by the segmenter) so these tests do not depend on it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from annotator.core.export import ExportOptions, export_dataset
from annotator.storage.export_queries import ExportSnapshot
from annotator.storage.store import Store
from tests.factories import make_article

# Traps for every format: a formula-like title, quotes and a backslash, a leading minus and
# at-sign, an emoji beyond the BMP (offsets are code points), an English sentence.
ARTICLES = [
    (
        "=وزيرا الخارجية والدفاع يبحثان التعاون",
        [
            "التقى الوزيران الرئيس في موسكو.",
            'وقال المتحدث إن "الجيش مستعد" \\ للرد.',
            "-ناقش الجانبان إعادة الإعمار والاستثمار.",
        ],
        {"source": "seed.txt", "category": "دولي", "date": "2026-01-15"},
    ),
    (
        "البنك المركزي يرفع الفائدة",
        ["@ارتفع التضخم إلى 3.5% 📈 في الربع الثالث.", "The central bank raised rates."],
        {"source": "news.jsonl", "category": "اقتصاد", "url": "https://example.org/a"},
    ),
    (
        "إعادة بناء المدارس في حلب",
        ["بدأت أعمال إعادة بناء 12 مدرسة.", "ورصدت الحكومة تمويلا للمشروع.", "+وأكد الوزير ذلك."],
        {"source": "seed.txt"},
    ),
    (
        "قصف على الحدود",
        ["تعرضت قاعدة جوية لهجوم.", "ولم ترد أنباء عن إصابات."],
        {"source": "seed.txt"},
    ),
]

# (article index, unit index) -> annotator -> themes, or a status string.
JUDGEMENTS = {
    (0, 1): {"سارة": ["military"], "omar": ["military"], "ليلى": ["economic"]},
    (0, 2): {"سارة": ["reconstruction", "economic"], "omar": ["reconstruction"]},
    (0, 3): {"سارة": "skipped"},
    (1, 1): {"سارة": ["economic"], "omar": ["economic"], "ليلى": ["economic"]},
    (1, 2): {"سارة": [], "omar": ["economic"]},
    (2, 1): {"سارة": ["reconstruction"], "omar": ["reconstruction"]},
    (2, 2): {"سارة": ["reconstruction", "economic"], "omar": ["economic", "reconstruction"]},
    (3, 1): {"omar": ["military"]},
    (3, 2): {"omar": []},
}


def label_project(store: Store, judgements: dict = JUDGEMENTS) -> None:
    ids = store.articles.ids()
    for (article, unit), by_annotator in judgements.items():
        unit_id = store.articles.units(ids[article])[unit].id
        for name, value in by_annotator.items():
            if isinstance(value, str):
                store.labels.set_status(unit_id, name, value)
            else:
                store.labels.set_themes(unit_id, name, value)


@dataclass
class Project:
    path: Path

    def export(self, **options) -> tuple:
        with ExportSnapshot(self.path) as snapshot:
            result = export_dataset(snapshot, ExportOptions(**options))
        return result


def build_project(path: Path, articles=ARTICLES, judgements=JUDGEMENTS) -> Project:
    with Store(path) as store:
        store.articles.add(make_article(t, s, **meta) for t, s, meta in articles)
        label_project(store, judgements)
    return Project(path)


def unit_count() -> int:
    return sum(1 + len(sentences) for _, sentences, _ in ARTICLES)
