"""decode_bytes: BOMs, UTF-16, (malformed) UTF-8, legacy Arabic code pages, checked guesses."""

from __future__ import annotations

import codecs
import struct

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.encoding import arabic_text_problem, decode_bytes
from annotator.core.model import ReadError

NEWS = (
    "قالت وزارة الاقتصاد، يوم الأحد، إن الحكومة ستطلق خطة لإعادة إعمار البنية التحتية "
    "في المدن المتضررة. وأضاف الوزير أن الخطة تشمل الطرق والجسور ومحطات الكهرباء؛ "
    "وستمول بقروض ميسرة من البنك الدولي.\n\nوفي الجانب العسكري، أعلن الجيش انسحاب "
    "القوات من المنطقة الحدودية بعد اتفاق الهدنة الذي وقع الشهر الماضي."
)
# cp720 (DOS Arabic) has no Arabic comma or semicolon: DOS-era texts used ASCII ones.
NEWS_DOS = NEWS.replace("،", ",").replace("؛", ";")


@pytest.mark.parametrize(
    ("codec", "text", "expected"),
    [
        ("cp1256", NEWS, "windows-1256"),
        ("iso8859_6", NEWS, "iso-8859-6"),
        ("cp720", NEWS_DOS, "cp720"),
        ("utf-8", NEWS, "utf-8"),
    ],
)
def test_legacy_and_utf8_files_decode_to_the_original_text(codec, text, expected):
    decoded = decode_bytes(text.encode(codec), path="a.txt")
    assert decoded.text == text
    assert decoded.encoding == expected
    assert decoded.warnings == []


@pytest.mark.parametrize(("codec", "text"), [("iso8859_6", NEWS), ("cp720", NEWS_DOS)])
def test_files_that_cp1256_would_silently_garble_are_not_read_as_cp1256(codec, text):
    data = text.encode(codec)
    garbled = data.decode("cp1256")  # what a "try UTF-8, else cp1256" fallback would store
    assert garbled != text
    assert arabic_text_problem(garbled) is not None
    assert decode_bytes(data).text == text


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (codecs.BOM_UTF8 + NEWS.encode("utf-8"), "utf-8-sig"),
        (codecs.BOM_UTF16_LE + NEWS.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + NEWS.encode("utf-16-be"), "utf-16-be"),
        (NEWS.encode("utf-16-le"), "utf-16-le"),  # no BOM: recognised by its 0x00/0x06 bytes
        (NEWS.encode("utf-16-be"), "utf-16-be"),
        (codecs.BOM_UTF32_LE + NEWS.encode("utf-32-le"), "utf-32-le"),
    ],
)
def test_unicode_files_with_and_without_bom(data, expected):
    decoded = decode_bytes(data)
    assert decoded.text == NEWS  # the BOM itself is not part of the text
    assert decoded.encoding == expected


def test_utf8_with_a_few_truncated_sequences_stays_utf8_and_reports_the_bad_bytes():
    good = NEWS.encode("utf-8")
    # Drop the second byte of two letters, as the truncated RSS feeds of 2013 did.
    first, second = [i for i, byte in enumerate(good) if byte >= 0xC0][2:11:8]  # lead bytes
    broken = good[: first + 1] + good[first + 2 : second + 1] + good[second + 2 :]
    decoded = decode_bytes(broken, path="feed.php")
    assert decoded.encoding == "utf-8"
    assert decoded.warnings == ["2 malformed UTF-8 byte(s) replaced with U+FFFD"]
    assert decoded.text.count("\ufffd") == 2
    assert decoded.text == broken.decode("utf-8", "replace")
    assert decoded.text.endswith(NEWS[-40:])


def test_mostly_broken_utf8_is_not_taken_for_utf8():
    # Every Arabic byte of a cp1256 file is malformed UTF-8: that is cp1256, not damaged UTF-8.
    decoded = decode_bytes(NEWS.encode("cp1256"))
    assert decoded.encoding == "windows-1256"
    assert "\ufffd" not in decoded.text


def test_declared_charset_is_used_when_its_text_is_arabic():
    decoded = decode_bytes(NEWS.encode("cp1256"), declared="windows-1256")
    assert (decoded.text, decoded.encoding, decoded.warnings) == (NEWS, "windows-1256", [])


def test_wrong_declared_charset_is_ignored_with_a_warning():
    # Old Arabic sites often declared iso-8859-1 while serving windows-1256.
    decoded = decode_bytes(NEWS.encode("cp1256"), declared="iso-8859-1")
    assert decoded.text == NEWS
    assert decoded.encoding == "windows-1256"
    assert decoded.warnings == ["declared charset 'iso-8859-1' ignored: the text is windows-1256"]


def test_declared_cp1256_does_not_override_iso_8859_6_bytes():
    decoded = decode_bytes(NEWS.encode("iso8859_6"), declared="windows-1256")
    assert decoded.text == NEWS
    assert decoded.encoding == "iso-8859-6"


def test_declared_charset_is_ignored_for_valid_utf8_and_unknown_labels_are_reported():
    assert decode_bytes(NEWS.encode("utf-8"), declared="windows-1256").encoding == "utf-8"
    unknown = decode_bytes(NEWS.encode("utf-8"), declared="x-no-such-charset")
    assert unknown.warnings == ["unknown declared charset 'x-no-such-charset' ignored"]


def test_short_text_that_fits_two_code_pages_says_so():
    # "مرحبا" uses only letters that windows-1256 and ISO-8859-6 encode the same way... almost.
    decoded = decode_bytes("مرحبا".encode("cp1256"))
    assert decoded.text == "مرحبا"
    assert decoded.warnings == ["encoding uncertain: iso-8859-6 would also fit; chose windows-1256"]


def test_definite_articles_settle_short_iso_8859_6_titles():
    title = "الاقتصاد السوري بعد الحرب"
    assert decode_bytes(title.encode("iso8859_6")).text == title


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data (NUL bytes), not a text file"),
        (bytes(range(1, 9)) * 20, "binary data (160 control bytes), not a text file"),
    ],
)
def test_empty_and_binary_data_raise_with_path_and_reason(data, reason):
    with pytest.raises(ReadError) as caught:
        decode_bytes(data, path="in/x.txt")
    assert (caught.value.path, caught.value.reason, caught.value.line) == ("in/x.txt", reason, None)


def test_binary_that_looks_like_utf16_is_still_binary():
    numbers = struct.pack("<200H", *range(200))  # every high byte is 0x00, like UTF-16-LE ASCII
    with pytest.raises(ReadError, match=r"binary data \(NUL bytes\)"):
        decode_bytes(numbers, path="table.bin")


def test_text_in_no_arabic_encoding_is_undecodable():
    with pytest.raises(ReadError) as caught:
        decode_bytes("Le café est très célèbre à Paris.".encode("latin-1"), path="fr.txt")
    assert caught.value.path == "fr.txt"
    assert caught.value.reason.startswith("undecodable: not UTF-8, and no Arabic code page fits")
    assert "windows-1256:" in caught.value.reason


def test_utf16_bom_followed_by_invalid_data_is_undecodable():
    with pytest.raises(ReadError, match="not valid utf-16-le"):
        decode_bytes(codecs.BOM_UTF16_LE + b"\x00\xd8\x41\x00", path="u.txt")


def test_a_stray_control_character_is_removed_and_reported():
    decoded = decode_bytes(("عنوان\x07 الخبر\n" + NEWS).encode("utf-8"))
    assert decoded.text == "عنوان الخبر\n" + NEWS
    assert decoded.warnings == ["1 control character(s) removed"]


def test_arabic_check_recognises_the_three_kinds_of_mojibake():
    assert arabic_text_problem(NEWS) is None
    utf8_as_cp1256 = NEWS.encode("utf-8").decode("cp1256")
    iso_as_cp1256 = NEWS.encode("iso8859_6").decode("cp1256")
    cp1256_as_cp720 = NEWS_DOS.encode("cp1256").decode("cp720")
    for garbled in (utf8_as_cp1256, iso_as_cp1256, cp1256_as_cp720):
        assert arabic_text_problem(garbled) is not None, garbled[:40]
    assert arabic_text_problem("hello world") == "no Arabic letters"


ARABIC_WORDS = st.text(alphabet="ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئةى", min_size=2, max_size=9)


@settings(max_examples=60, deadline=None)
@given(
    words=st.lists(ARABIC_WORDS, min_size=3, max_size=40),
    codec=st.sampled_from(["utf-8", "utf-16-le", "utf-8-sig"]),
)
def test_any_arabic_text_in_a_unicode_encoding_round_trips(words, codec):
    text = "ال" + " ".join(words) + "."
    assert decode_bytes(text.encode(codec)).text == text
