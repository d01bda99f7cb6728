"""TREC-style news documents -> one article per <DOC>.

The form of the ANT corpus (and of TREC/LDC newswire collections), in .txt or .xml files:

    <DOC>
    <DOCNO>AL-culture-318-20180421</DOCNO>
    <URL>…</URL> <SRC>…</SRC> <CAT>…</CAT> <TITLE>…</TITLE> <TIME>…</TIME>
    <AUTHOR>…</AUTHOR> <ABSTRACT>…</ABSTRACT>
    <TEXT>
    one paragraph per line
    </TEXT>
    </DOC>

Recognised by content: the first non-blank characters are <DOC> (any case; an XML declaration
may come first). Parsed by scanning tags, not with an XML parser: such files are rarely
well-formed XML (a bare "&" or "<" in the text is common), so a field ends only at its own
closing tag and text that merely looks like markup stays text.

Fields: DOCNO -> original_id, URL -> url, CAT -> category,
TITLE (else HEADLINE) -> title, TIME (else DATE) -> date (ISO 8601 when it is an RFC 2822
date such as "Fri, 08 Jun 2018 15:35:35 GMT", else as given), AUTHOR -> author; other
non-empty fields (SRC, ABSTRACT, ...) go to `extra` under their lower-case tag name. TEXT
gives one paragraph per line, or one per <P> element when it has them (LDC files wrap lines
inside <P>); character references are decoded, other tags inside it dropped, as are lines
without a letter or digit (separator rules) and page-furniture lines (the boilerplate list).
`line` is the line where the <DOC> starts. A document without text fails the whole file.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

from annotator.core.boilerplate import Boilerplate, match_key
from annotator.core.encoding import Decoded, decode_bytes
from annotator.core.model import ArticleDraft, ReadError
from annotator.core.readers.plaintext import blocks_from_paragraphs, derived_title
from annotator.core.text import clean_line, clean_text

_XML_ENCODING = re.compile(rb"^\s*<\?xml[^>]+?encoding\s*=\s*[\"']([A-Za-z0-9_.:-]+)")
_START = re.compile(r"\A[\s\ufeff]*(?:<\?xml\b[^>]*\?>\s*)?<doc>", re.IGNORECASE)
_SPACE_OR_COMMENTS = re.compile(r"(?:\s+|<!--.*?-->|<\?[^>]*\?>)*", re.DOTALL)
# An opening tag: a name and optional attributes, or self-closing.
_OPEN_TAG = re.compile(
    r"""<([A-Za-z][\w.:-]*)((?:\s+[\w.:-]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>]+))?)*)\s*(/?)>"""
)
# Markup inside a field: a tag with well-formed attributes only, so "أ<ب" or "x < y" stay text.
_INNER_TAG = re.compile(
    r"""</?[A-Za-z][\w.:-]*(?:\s+[\w.:-]+\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>]+))*\s*/?>"""
    r"|<!--.*?-->",
    re.DOTALL,
)
_PARAGRAPH_TAG = re.compile(r"</?p(?:\s[^<>]*)?>", re.IGNORECASE)
# Complete character references only: html.unescape alone would also read "&copy" or "&not"
# without the ";" (HTML5 legacy rules) and change URLs such as "?a=1&not=2".
_REFERENCE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")

# Our field -> the tags that give it, in order of preference (compared in lower case).
FIELD_TAGS: dict[str, tuple[str, ...]] = {
    "original_id": ("docno", "docid"),
    "url": ("url",),
    "category": ("cat", "category"),
    "title": ("title", "headline"),
    "date": ("time", "date", "date_time", "datetime"),
    "author": ("author", "byline"),
}
TEXT_TAG = "text"


@dataclass
class _Field:
    tag: str  # lower case
    raw: str  # the field's content, markup and references untouched
    line: int


@dataclass
class _Doc:
    line: int
    fields: list[_Field]


def is_trec(text: str) -> bool:
    """True when the text starts with <DOC> (after blanks and an optional XML declaration)."""
    return _START.match(text) is not None


def xml_declared_charset(data: bytes) -> str | None:
    found = _XML_ENCODING.match(data[:1024])
    return found.group(1).decode("ascii") if found else None


def read_trec(data: bytes, path: str, boilerplate: Boilerplate) -> list[ArticleDraft]:
    """A file given as TREC (.xml, .sgml, .trec): it must be in that form."""
    decoded = decode_bytes(data, xml_declared_charset(data), path)
    if not is_trec(decoded.text):
        raise ReadError(path, "not a TREC-style news file: it must start with <DOC>")
    return trec_drafts(decoded, path, boilerplate)


def trec_drafts(decoded: Decoded, path: str, boilerplate: Boilerplate) -> list[ArticleDraft]:
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    drafts = [_draft(doc, path, boilerplate) for doc in _documents(text, path)]
    for draft in drafts:
        draft.encoding, draft.warnings = decoded.encoding, list(decoded.warnings)
    return drafts


# --- scanning ---------------------------------------------------------------------------------


class _Scanner:
    def __init__(self, text: str, path: str):
        self.text, self.path, self.position = text, path, 0
        self._counted_to, self._line = 0, 1  # lines are counted on from the last count

    def line(self, position: int | None = None) -> int:
        position = self.position if position is None else position
        if position < self._counted_to:
            self._counted_to, self._line = 0, 1
        self._line += self.text.count("\n", self._counted_to, position)
        self._counted_to = position
        return self._line

    def skip_space(self, end: int) -> None:
        self.position = min(end, _SPACE_OR_COMMENTS.match(self.text, self.position).end())

    def error(self, reason: str, position: int | None = None) -> ReadError:
        return ReadError(self.path, reason, self.line(position))

    def unexpected(self, what: str, end: int) -> ReadError:
        found = self.text[self.position : min(end, self.position + 40)].split("\n", 1)[0]
        return self.error(f"expected {what}, found {found!r}")

    def closing(self, tag: str, start: int, end: int) -> re.Match[str] | None:
        pattern = re.compile(rf"</{re.escape(tag)}\s*>", re.IGNORECASE)
        return pattern.search(self.text, start, end)


def _documents(text: str, path: str) -> list[_Doc]:
    scanner, docs = _Scanner(text, path), []
    while True:
        scanner.skip_space(len(text))
        if scanner.position >= len(text):
            return docs
        opening = _OPEN_TAG.match(text, scanner.position)
        if opening is None or opening.group(0).lower() != "<doc>":
            raise scanner.unexpected("<DOC>", len(text))
        closing = scanner.closing("doc", opening.end(), len(text))
        if closing is None:
            raise scanner.error("<DOC> is not closed (no </DOC>)")
        line = scanner.line()
        scanner.position = opening.end()
        fields = _fields(scanner, closing.start())
        docs.append(_Doc(line, fields))
        scanner.position = closing.end()


def _fields(scanner: _Scanner, end: int) -> list[_Field]:
    """The fields of one <DOC>, up to `end` (its </DOC>)."""
    text, fields = scanner.text, []
    while True:
        scanner.skip_space(end)
        if scanner.position >= end:
            return fields
        opening = _OPEN_TAG.match(text, scanner.position, end)
        if opening is None:
            raise scanner.unexpected("a field such as <TEXT> (text outside any field)", end)
        tag, line = opening.group(1), scanner.line()
        if opening.group(3):  # <EMPTY/>
            fields.append(_Field(tag.lower(), "", line))
            scanner.position = opening.end()
            continue
        closing = scanner.closing(tag, opening.end(), end)
        if closing is None:
            raise scanner.error(f"<{tag}> is not closed (no </{tag}> before </DOC>)")
        fields.append(_Field(tag.lower(), text[opening.end() : closing.start()], line))
        scanner.position = closing.end()


# --- one document -----------------------------------------------------------------------------


def _draft(doc: _Doc, path: str, boilerplate: Boilerplate) -> ArticleDraft:
    values = {ours: _first_value(doc, tags) for ours, tags in FIELD_TAGS.items()}
    named = f" (document {values['original_id']})" if values["original_id"] else ""
    texts = [f for f in doc.fields if f.tag == TEXT_TAG]
    if not texts:
        raise ReadError(path, f"<DOC> has no <TEXT>{named}", doc.line)
    paras = [p for f in texts for p in _paragraphs(f.raw, boilerplate)]
    if not paras:
        empty = not any(_plain(f.raw).strip() for f in texts)
        reason = "empty <TEXT>" if empty else "no article text in <TEXT> (only page boilerplate)"
        raise ReadError(path, reason + named, texts[0].line)
    title = values["title"]
    if title and len(paras) > 1 and match_key(paras[0]) == match_key(title):
        paras = paras[1:]  # the headline repeated as the first line of the text
    draft = ArticleDraft(
        title=title or derived_title(paras[0]),
        blocks=blocks_from_paragraphs(paras),
        source=path,
        url=values["url"],
        category=values["category"],
        date=_iso_date(values["date"]),
        author=values["author"],
        original_id=values["original_id"],
        line=doc.line,
    )
    draft.extra = _extra(doc)
    return draft


def _first_value(doc: _Doc, tags: tuple[str, ...]) -> str:
    """The first tag present with a value; repeated fields (two AUTHORs) are joined."""
    for tag in tags:
        values = [clean_line(_plain(f.raw)) for f in doc.fields if f.tag == tag]
        joined = ", ".join(v for v in values if v)
        if joined:
            return joined
    return ""


def _extra(doc: _Doc) -> dict[str, str]:
    known = {tag for tags in FIELD_TAGS.values() for tag in tags} | {TEXT_TAG}
    extra: dict[str, str] = {}
    for f in doc.fields:
        value = clean_text(_plain(f.raw))
        if f.tag not in known and value:
            extra[f.tag] = f"{extra[f.tag]}\n{value}" if f.tag in extra else value
    return extra


def _paragraphs(raw: str, boilerplate: Boilerplate) -> list[str]:
    if _PARAGRAPH_TAG.search(raw):
        # <P> elements (lines wrapped inside them): one paragraph each.
        lines = [clean_line(_plain(part)) for part in _PARAGRAPH_TAG.split(raw)]
    else:
        lines = clean_text(_plain(raw)).split("\n")
    return [
        line
        for line in lines
        if any(c.isalnum() for c in line) and not boilerplate.is_boilerplate(line)
    ]


def _plain(raw: str) -> str:
    """Field content as text: markup dropped, then character references decoded."""
    return _REFERENCE.sub(lambda m: html.unescape(m.group()), _INNER_TAG.sub("", raw))


def _iso_date(value: str) -> str:
    """An RFC 2822 date ("Sat, 21 Apr 2018 04:16:48 +0400") in ISO 8601, else as given."""
    try:
        return parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        return value
