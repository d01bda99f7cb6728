"""Numbers and dates as the interface shows them: one rule for every figure in the window.

Western digits (0-9) by default in both languages, as most Arabic news sites print them; in
the Arabic interface View → Arabic-Indic digits switches every figure to ٠-٩: the window's
own figures (progress, counts, percentages), and Qt's (spin boxes, progress bars), which
follow the default QLocale set here. Dates are written in the interface language; exports
keep ISO 8601.
"""

from __future__ import annotations

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt

WESTERN, ARABIC_INDIC = "western", "arabic_indic"
DIGIT_STYLES = (WESTERN, ARABIC_INDIC)
_TO_ARABIC_INDIC = str.maketrans("0123456789%", "٠١٢٣٤٥٦٧٨٩٪")
# Arabic locales of the same month names (أبريل…): the Emirates' writes 0-9, Egypt's ٠-٩.
_ARABIC = {WESTERN: "ar_AE", ARABIC_INDIC: "ar_EG"}

_current = {"language": "en", "digits": WESTERN}


def interface_locale(language: str, digits: str) -> QLocale:
    if language != "ar":
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return QLocale(_ARABIC.get(digits, _ARABIC[WESTERN]))


def apply_locale(language: str, digits: str) -> QLocale:
    """Make this the default locale (widgets made from now on use it); returns it."""
    _current.update(language=language, digits=digits if digits in DIGIT_STYLES else WESTERN)
    locale = interface_locale(language, _current["digits"])
    QLocale.setDefault(locale)
    return locale


def arabic_indic() -> bool:
    return _current["language"] == "ar" and _current["digits"] == ARABIC_INDIC


def digits(text: str) -> str:
    """Text with figures already in it (from %n or a format), in the chosen digits."""
    return text.translate(_TO_ARABIC_INDIC) if arabic_indic() else text


def number(value: int) -> str:
    """1,234 (or ١٬٢٣٤)."""
    return QLocale().toString(int(value))


def percent(value: float) -> str:
    """12.5% (or ١٢٫٥٪): one decimal."""
    locale = QLocale()  # its percent sign carries the marks that keep it after the figure
    return f"{locale.toString(float(value), 'f', 1)}{locale.percent()}"


def long_date(iso: str) -> str:
    """An ISO date or time as a reader writes it ('12 April 2025, 09:30'); other text as is."""
    locale = QLocale()
    if len(iso) > 10:
        moment = QDateTime.fromString(iso, Qt.DateFormat.ISODate)
        if moment.isValid():
            day = locale.toString(moment.date(), "d MMMM yyyy")
            return f"{day}{'، ' if _current['language'] == 'ar' else ', '}" + locale.toString(
                moment.time(), "hh:mm"
            )
    date = QDate.fromString(iso[:10], Qt.DateFormat.ISODate)
    return locale.toString(date, "d MMMM yyyy") if date.isValid() and len(iso) <= 10 else iso
