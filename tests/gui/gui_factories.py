"""Hand-made articles for GUI tests, built without the file readers."""

from __future__ import annotations

from pathlib import Path

from annotator.core.document import PARAGRAPH_BREAK, build_article, content_hash
from annotator.core.model import Article, ArticleDraft, Block, Unit

ANNOTATOR = "salma"

ARABIC_SENTENCES = [
    "التقى وزيرا الخارجية والدفاع السوريان الرئيس الروسي في موسكو، يوم الثلاثاء الموافق 24 ديسمبر 2025، لمناقشة التعاون.",
    "وذكرت وكالة الأنباء السورية (سانا) أن اللقاء تناول قضايا ذات اهتمام مشترك.",
    "وتشمل هذه الصناعات إنتاج وتحديث الأسلحة والمعدات العسكرية.",
    "ناقش المسؤولون آفاق توسيع التعاون الاقتصادي والتجاري بين البلدين؟",
    "إعادة الإعمار في سوريا تمثل تحديًا كبيرًا، وتتطلب استثمارات ضخمة ودعمًا دوليًا!",
]


def make_article(title: str, paragraphs: list[list[str] | str]) -> Article:
    """An article whose paragraphs are lists of sentences (a plain string is a heading)."""
    pieces, units = [title], [Unit("title", title, 0, len(title))]
    offset = len(title) + len(PARAGRAPH_BREAK)
    for paragraph in paragraphs:
        if isinstance(paragraph, str):
            units.append(Unit("heading", paragraph, offset, offset + len(paragraph)))
            text = paragraph
        else:
            text = " ".join(paragraph)
            start = offset
            for sentence in paragraph:
                units.append(Unit("sentence", sentence, start, start + len(sentence)))
                start += len(sentence) + 1
        pieces.append(text)
        offset += len(text) + len(PARAGRAPH_BREAK)
    full = PARAGRAPH_BREAK.join(pieces)
    draft = ArticleDraft(title=title, blocks=[], source="test")
    return Article(draft=draft, text=full, units=units, content_hash=content_hash(title, full))


def numbered_articles(count: int, sentences: int = 5) -> list[Article]:
    """`count` distinct articles, each a title, a heading and `sentences` Arabic sentences."""
    articles = []
    for number in range(count):
        body = [ARABIC_SENTENCES[(number + i) % len(ARABIC_SENTENCES)] for i in range(sentences)]
        articles.append(make_article(f"مقال رقم {number + 1}", [body[:2], "عنوان فرعي", body[2:]]))
    return articles


def mixed_direction_article() -> Article:
    """An Arabic article with one English paragraph (boilerplate copied from a web page)."""
    return make_article(
        "خبر مع فقرة إنجليزية",
        [
            ["Jannah Theme License is not validated, go to the theme options page."],
            [ARABIC_SENTENCES[0], ARABIC_SENTENCES[1]],
        ],
    )


def seed_article(path: Path) -> Article:
    """The bundled seed article, segmented by the real segmenter (readers may not exist yet)."""
    paragraphs = [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    title_at = next(i for i, p in enumerate(paragraphs) if "بوتين" in p)
    blocks = [_block(p) for i, p in enumerate(paragraphs) if i != title_at]
    draft = ArticleDraft(title=paragraphs[title_at], blocks=blocks, source=str(path))
    return build_article(draft)


def _block(text: str) -> Block:
    ends_sentence = text.rstrip()[-1:] in ".؟?!…*"
    return Block("paragraph" if ends_sentence or len(text) > 80 else "heading", text)


def type_text(widget, text: str) -> None:
    """Type characters as a keyboard of that script would (QTest.keyClicks is Latin-1 only)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    for char in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key(ord(char)), char, Qt.KeyboardModifier.NoModifier
        )
