"""Projects with labelled Arabic sentences for the suggestion tests (real SQLite files)."""

from __future__ import annotations

import random

from annotator.storage.store import Store
from tests.factories import make_article

PLACES = ["حلب", "حمص", "دمشق", "درعا", "إدلب", "الرقة", "حماة", "طرطوس"]
TEMPLATES: list[tuple[str, frozenset[str]]] = [
    ("قصفت الطائرات الحربية مواقع المسلحين قرب {place} وقتل {n} مقاتلين.", frozenset({"military"})),
    ("اندلعت اشتباكات عنيفة بين الجيش والفصائل المسلحة في ريف {place}.", frozenset({"military"})),
    (
        "ارتفعت أسعار الوقود والسلع الغذائية في أسواق {place} بنسبة {n} بالمئة.",
        frozenset({"economic"}),
    ),
    ("أعلن البنك المركزي خطة لدعم الليرة وخفض التضخم في {place}.", frozenset({"economic"})),
    ("بدأت أعمال إعادة إعمار {n} مدرسة ومستشفى في {place}.", frozenset({"reconstruction"})),
    ("تواصل ورشات الترميم تأهيل البنية التحتية المدمرة في {place}.", frozenset({"reconstruction"})),
    ("زار الوفد الثقافي معرض الكتاب في {place} والتقى {n} كاتبا.", frozenset()),
    ("هطلت أمطار غزيرة على {place} خلال عطلة نهاية الأسبوع.", frozenset()),
]


def sentence(rng: random.Random) -> tuple[str, frozenset[str]]:
    template, labels = rng.choice(TEMPLATES)
    return template.format(place=rng.choice(PLACES), n=rng.randint(2, 900)), labels


def add_labelled_articles(
    store: Store, articles: int, sentences: int = 6, annotator: str = "amina", seed: int = 0
) -> dict[int, frozenset[str]]:
    """Articles whose sentences are all labelled by `annotator` as their template says;
    returns unit id -> labels."""
    rng = random.Random(seed)
    made, labels = [], []
    for number in range(articles):
        pairs = [sentence(rng) for _ in range(sentences)]
        made.append(make_article(f"تقرير {seed}-{number}", [text for text, _ in pairs]))
        labels.append([frozenset(), *[themes for _, themes in pairs]])  # the title: none
    store.articles.add(made)
    truth: dict[int, frozenset[str]] = {}
    for article_id, article_labels in zip(store.articles.ids()[-articles:], labels, strict=True):
        for unit, themes in zip(store.articles.units(article_id), article_labels, strict=True):
            store.labels.set_themes(unit.id, annotator, sorted(themes))
            truth[unit.id] = themes
    return truth


def add_unlabelled_articles(store: Store, articles: int, sentences: int = 6, seed: int = 9) -> None:
    rng = random.Random(seed)
    store.articles.add(
        make_article(f"خبر {seed}-{n}", [sentence(rng)[0] for _ in range(sentences)])
        for n in range(articles)
    )
