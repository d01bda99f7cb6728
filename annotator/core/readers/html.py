"""HTML -> one article: trafilatura finds the main text, the page's own metadata names it.

Bytes are decoded by encoding.py with the page's `<meta charset>` / `http-equiv` /
`<?xml encoding?>` as the declared charset (trusted only if the text reads as Arabic).
Title: og:title, else the first h1, else trafilatura's title, else <title>. URL: the canonical
link (og:url is sometimes a generic section address), else og:url. Date: article:published_time,
else trafilatura's date from structured metadata only (its text search guesses "2013-01-01"
from a bare year). Headings: trafilatura's <head> elements (h2/h3 in the article) plus the
short unpunctuated paragraphs that plain text treats as subheadings.

When trafilatura finds no prose (it skips text that sits directly in <body>, as in small or
old pages without <p>), the body's visible text is taken instead, one paragraph per block
element or <br>, but only when the body shows no navigation: at most MAX_FALLBACK_LINKS
links and less than MAX_FALLBACK_NAV_SHARE of its words inside links, list items or menus.
A <title> that is only a charset name ("windows-1256") is not a title.
"""

from __future__ import annotations

import codecs
import copy
import re
from configparser import ConfigParser
from dataclasses import dataclass

from lxml import etree
from lxml.html import HtmlElement
from trafilatura import bare_extraction, load_html
from trafilatura.settings import Document, use_config

from annotator.core.boilerplate import Boilerplate, match_key
from annotator.core.encoding import decode_bytes
from annotator.core.model import ArticleDraft, Block, ReadError
from annotator.core.readers.plaintext import blocks_from_paragraphs, derived_title
from annotator.core.text import clean_line, clean_text

# Browsers look for the charset in the first 1024 bytes; old pages put it later, so look further.
_CHARSET_SCAN_BYTES = 16_384
_META_CHARSET = re.compile(rb"<meta[^>]+?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"<\?xml[^>]+?encoding\s*=\s*[\"']([A-Za-z0-9_.:-]+)", re.IGNORECASE)


# The recall pass of trafilatura returns menus of nav-only pages: a few one-word links.
MIN_PROSE_WORDS = 5
# The body-text fallback: a body with more links, or this share of its words in links, list
# items or menus, is a navigation or listing page, not an article.
MAX_FALLBACK_LINKS = 10
MAX_FALLBACK_NAV_SHARE = 0.5
_INVISIBLE = ("script", "style", "noscript", "template", "iframe", "object", "svg", "head")
_MENUS = ("nav", "menu", "select", "button")
_NAVIGATION = frozenset(("a", "li", "option", *_MENUS))
_BLOCK_TAGS = frozenset(
    ("address", "article", "aside", "blockquote", "br", "center", "dd", "div", "dl", "dt")
    + ("fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5")
    + ("h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table")
    + ("tbody", "td", "tfoot", "th", "thead", "tr", "ul")
)
_WHITESPACE = re.compile(r"\s+")


def _trafilatura_config() -> ConfigParser:
    config = use_config()
    config.set("DEFAULT", "EXTENSIVE_DATE_SEARCH", "off")
    return config


_CONFIG = _trafilatura_config()


@dataclass
class _Piece:
    text: str
    is_heading: bool


def declared_charset(data: bytes) -> str | None:
    head = data[:_CHARSET_SCAN_BYTES]
    found = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return found.group(1).decode("ascii") if found else None


def read_html(data: bytes, path: str, boilerplate: Boilerplate) -> ArticleDraft:
    decoded = decode_bytes(data, declared_charset(data), path)
    tree = load_html(decoded.text)
    if tree is None:
        raise ReadError(path, "no article text found (not an HTML document)")
    document = _extract_main_text(tree)
    title = _title(tree, document, boilerplate)
    blocks = _body_blocks(document, title, boilerplate) if document else []
    if not any(_is_prose(block) for block in blocks):
        blocks = _body_text_blocks(tree, title, boilerplate)
    if not any(_is_prose(block) for block in blocks):
        raise ReadError(path, "no article text found")
    title = title or derived_title(blocks[0].text)
    draft = ArticleDraft(title=title, blocks=blocks, source=path, url=_url(tree, document))
    date = document.date if document else None
    draft.date = _meta(tree, "article:published_time", "datePublished") or (date or "")
    categories = document.categories if document else None
    draft.category = _meta(tree, "article:section") or ", ".join(categories or [])
    draft.author = _author(tree, document)
    draft.encoding, draft.warnings = decoded.encoding, decoded.warnings
    return draft


def _extract_main_text(tree: HtmlElement) -> Document | None:
    """trafilatura's precise pass, then its recall-oriented pass for pages it finds thin."""
    for favor_recall in (False, True):
        document = bare_extraction(
            tree,
            favor_recall=favor_recall,
            include_comments=False,
            include_tables=False,
            include_formatting=True,
            with_metadata=True,
            config=_CONFIG,
        )
        if document is not None and document.body is not None and len(document.body):
            return document
    return None


def _body_blocks(document: Document, title: str, boilerplate: Boilerplate) -> list[Block]:
    return _blocks(_pieces(document.body), title, boilerplate)


def _blocks(pieces: list[_Piece], title: str, boilerplate: Boilerplate) -> list[Block]:
    pieces = [p for p in pieces if not boilerplate.is_boilerplate(p.text)]
    while pieces and match_key(pieces[0].text) == match_key(title):
        pieces.pop(0)  # the page's own h1, already the title
    guessed = blocks_from_paragraphs([p.text for p in pieces])
    return [
        Block("heading", block.text) if piece.is_heading else block
        for piece, block in zip(pieces, guessed, strict=True)
    ]


def _body_text_blocks(tree: HtmlElement, title: str, boilerplate: Boilerplate) -> list[Block]:
    """The visible text of a <body> without navigation, for pages trafilatura finds empty."""
    found = tree.find(".//body")
    if found is None:
        return []
    body = copy.deepcopy(found)
    hidden = [e for e in body.iter(etree.Comment, etree.ProcessingInstruction, *_INVISIBLE)]
    for element in hidden:
        element.drop_tree()  # keeps the text that follows the element
    if _looks_like_navigation(body):
        return []
    for element in list(body.iter(*_MENUS)):
        element.drop_tree()  # a stray menu or button label is not article text
    pieces = [_Piece(line, False) for line in _visible_lines(body)]
    return _blocks(pieces, title, boilerplate)


def _looks_like_navigation(body: HtmlElement) -> bool:
    links = sum(1 for a in body.iter("a") if a.get("href"))
    if links > MAX_FALLBACK_LINKS:
        return True
    words = navigation_words = 0
    for element in body.iter():
        # An element's text is inside it, its tail inside its parent.
        inside = any(e.tag in _NAVIGATION for e in element.iterancestors())
        text_words = len((element.text or "").split())
        tail_words = len((element.tail or "").split()) if element is not body else 0
        words += text_words + tail_words
        navigation_words += tail_words if inside else 0
        navigation_words += text_words if inside or element.tag in _NAVIGATION else 0
    return words == 0 or navigation_words >= MAX_FALLBACK_NAV_SHARE * words


def _visible_lines(body: HtmlElement) -> list[str]:
    """Text as a browser lays it out: whitespace collapsed, block elements on their own lines."""
    parts: list[str] = []
    for event, element in etree.iterwalk(body, events=("start", "end")):
        is_block = element.tag in _BLOCK_TAGS
        if event == "start":
            parts.append("\n" if is_block else "")
            parts.append(_WHITESPACE.sub(" ", element.text or ""))
        else:
            parts.append("\n" if is_block else "")
            if element is not body:
                parts.append(_WHITESPACE.sub(" ", element.tail or ""))
    lines = (clean_line(line) for line in "".join(parts).split("\n"))
    return [line for line in lines if line]


def _is_prose(block: Block) -> bool:
    """Menus and link lists are not an article: some paragraph must read like a sentence."""
    return block.kind == "paragraph" and len(block.text.split()) >= MIN_PROSE_WORDS


def _pieces(body: HtmlElement) -> list[_Piece]:
    """Paragraph-level texts of trafilatura's XML body; line breaks (<lb/>) split paragraphs."""
    pieces: list[_Piece] = []
    for element in body:
        is_heading = element.tag == "head"
        units = list(element.iter("item")) if element.tag == "list" else [element]
        for unit in units:
            pieces.extend(_Piece(line, is_heading) for line in _lines(unit))
    return pieces


def _lines(element: HtmlElement) -> list[str]:
    for line_break in element.iter("lb"):
        line_break.tail = "\n" + (line_break.tail or "")
    text = clean_text("".join(element.itertext()))
    return [line for line in text.split("\n") if line.strip()]


def _title(tree: HtmlElement, document: Document | None, boilerplate: Boilerplate) -> str:
    """The first real title the page offers ("Untitled Document" and the like do not count)."""
    h1 = next(
        (clean_line(h.text_content()) for h in tree.iter("h1") if h.text_content().strip()), ""
    )
    title_tag = tree.findtext(".//title") or ""
    candidates = (_meta(tree, "og:title"), h1, document.title if document else "", title_tag)
    cleaned = (clean_line(c) for c in candidates if c)
    return next(
        (c for c in cleaned if c and not boilerplate.is_boilerplate(c) and not _is_charset(c)), ""
    )


def _is_charset(text: str) -> bool:
    """A charset name ("windows-1256", "ISO-8859-6", "utf-8"): what test pages use as title."""
    if " " in text or not any(c.isdigit() for c in text):
        return False
    try:
        codecs.lookup(text)
    except LookupError:
        return False
    return True


def _author(tree: HtmlElement, document: Document | None) -> str:
    author = (document.author if document else None) or _meta(tree, "author", "article:author")
    return "" if author.startswith("http") else author  # article:author is often a profile URL


def _url(tree: HtmlElement, document: Document | None) -> str:
    canonical = tree.xpath("//link[@rel='canonical']/@href")
    if canonical and canonical[0].strip():
        return canonical[0].strip()
    return _meta(tree, "og:url") or (document.url if document and document.url else "")


def _meta(tree: HtmlElement, *keys: str) -> str:
    """The content of the first <meta property|name|itemprop=key> present, cleaned."""
    for key in keys:
        for attribute in ("property", "name", "itemprop"):
            values = tree.xpath(f"//meta[@{attribute}=$key]/@content", key=key)
            value = clean_line(values[0]) if values else ""
            if value:
                return value
    return ""
