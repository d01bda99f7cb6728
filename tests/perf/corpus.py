"""Varied synthetic Arabic news for benchmarks: built from the seed and sentences we wrote."""

from __future__ import annotations

import random
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

# Written for this project (not copied from any publisher), covering the three default themes
# and the segmentation traps: decimals, percentages, dates, quotes, abbreviations.
OWN_SENTENCES = [
    "أعلنت وزارة الدفاع عن مناورات عسكرية مشتركة تستمر {n} أيام في المنطقة الشمالية.",
    "ارتفع معدل التضخم إلى {d}% خلال الربع الثالث من العام، وفق بيانات البنك المركزي.",
    "قال د. {name} إن مشاريع إعادة الإعمار تحتاج إلى تمويل دولي يتجاوز {n} مليار دولار.",
    'وأكد المتحدث أن "الحكومة ماضية في خطة إعادة بناء المدارس والمستشفيات".',
    "سجلت البورصة مكاسب بنسبة {d} بالمائة في ختام تعاملات يوم {date}.",
    "هل تنجح المفاوضات في وقف إطلاق النار قبل نهاية الشهر؟",
    "وشهدت الحدود اشتباكات متقطعة بين الجيش ومجموعات مسلحة؛ ولم ترد أنباء عن إصابات.",
    "وقّع الجانبان اتفاقية لتطوير شبكة الكهرباء وإعادة تأهيل الطرق المتضررة.",
    "وتراجعت أسعار النفط {d} دولار للبرميل بعد إعلان زيادة الإنتاج.",
    "أشار تقرير البنك الدولي إلى أن الاقتصاد سينمو بمعدل {d}% في العام المقبل.",
    "وصل وفد عسكري رفيع إلى العاصمة لبحث صفقة أسلحة جديدة!",
    "«نحن أمام فرصة تاريخية لإعادة إعمار المدن المدمرة»، قال الوزير {name}.",
    "وافق البرلمان على موازنة بقيمة {n} مليار ليرة لدعم قطاع الإسكان.",
    "ذكرت وكالة الأنباء الرسمية (سانا) أن اللقاء تناول التعاون الاقتصادي.",
    "تعرضت قاعدة جوية لهجوم بطائرات مسيرة فجر الأحد، حسب مصادر أمنية.",
    "تعتزم الشركات الأجنبية الاستثمار في مشاريع البنية التحتية خلال السنوات الخمس المقبلة.",
]
NAMES = ["أحمد السيد", "سامي الخطيب", "ليلى حداد", "م. يوسف النجار", "أ.د. هالة منصور", "عمر فاروق"]


def seed_sentences() -> list[str]:
    """Sentences of the bundled seed article (body paragraphs only)."""
    text = next((REPO / "seeds").glob("*.txt")).read_text(encoding="utf-8")
    body = [p for p in text.split("\n\n") if len(p) > 120]
    return [s.strip() for p in body for s in re.split(r"(?<=\.)\s+", p) if len(s.strip()) > 20]


def _fill(template: str, rng: random.Random) -> str:
    return template.format(
        n=rng.randint(2, 900),
        d=f"{rng.randint(1, 30)}.{rng.randint(1, 9)}",
        name=rng.choice(NAMES),
        date=f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/20{rng.randint(10, 26)}",
    )


def make_articles(
    count: int, sentences_per_article: int = 30, seed: int = 7
) -> list[tuple[str, list[str]]]:
    """(title, sentences) pairs; every article differs so none is a duplicate."""
    rng = random.Random(seed)
    pool = seed_sentences()
    articles = []
    for i in range(count):
        sentences = [
            _fill(rng.choice(OWN_SENTENCES), rng) if rng.random() < 0.6 else rng.choice(pool)
            for _ in range(sentences_per_article)
        ]
        title = f"تقرير رقم {i + 1}: {_fill(rng.choice(OWN_SENTENCES), rng).rstrip('.!؟')}"
        articles.append((title, sentences))
    return articles


def article_text(title: str, sentences: list[str], per_paragraph: int = 5) -> str:
    paragraphs = [
        " ".join(sentences[i : i + per_paragraph]) for i in range(0, len(sentences), per_paragraph)
    ]
    return title + "\n\n" + "\n\n".join(paragraphs) + "\n"


def write_text_files(folder: Path, articles: list[tuple[str, list[str]]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i, (title, sentences) in enumerate(articles):
        (folder / f"article_{i:05d}.txt").write_text(
            article_text(title, sentences), encoding="utf-8"
        )
