"""The interface language: which one, and loading its translations (ours and Qt's own).

The language is ``--lang CODE`` when given, else the one saved from View → Language, else the
system's (``QLocale.system()``) when we have it, else English.  ``apply(code)`` installs our
``smpanel_desktop_<code>.qm`` and Qt's ``qtbase_<code>.qm`` (the buttons of Qt's own dialogs) and
makes the language's locale the default one, so numbers, money and dates follow it (Turkish:
1.234,56).  Call it before any widget is built: texts are translated when widgets are made, so a
change from the menu applies on the next start.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from smpanel_desktop.resources import resource_path

LANGUAGES: tuple[tuple[str, str], ...] = (("en", "English"), ("tr", "Türkçe"))
CODES = tuple(code for code, _name in LANGUAGES)
DEFAULT = "en"
_installed: list[QTranslator] = []  # kept alive (Qt does not own them); replaced on apply()


def normalize(code: str | None) -> str | None:
    """``"tr_TR"``, ``"TR"``, ``"tr-TR"`` -> ``"tr"``; None when we have no such language."""
    if not code:
        return None
    short = code.strip().replace("-", "_").split("_")[0].split(".")[0].lower()
    return short if short in CODES else None


def system_language() -> str:
    """The first of the system's UI languages that we have, else English."""
    for name in QLocale.system().uiLanguages():
        code = normalize(name)
        if code:
            return code
    return normalize(QLocale.system().name()) or DEFAULT


def choose(requested: str | None, saved: str | None) -> str:
    """``--lang`` first, then the saved choice, then the system's language."""
    return normalize(requested) or normalize(saved) or system_language()


def translation_file(code: str) -> str:
    return str(resource_path("translations", f"smpanel_desktop_{code}.qm"))


def apply(code: str) -> bool:
    """Install the translations of ``code`` and its locale; True when ours were found."""
    app = QCoreApplication.instance()
    for old in _installed:
        if app is not None:
            app.removeTranslator(old)
    _installed.clear()
    ours = QTranslator()
    found = ours.load(translation_file(code))
    qt_own = QTranslator()  # Qt's own texts are English already: nothing to load for "en"
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_found = code != DEFAULT and qt_own.load(f"qtbase_{code}", qt_dir)
    for translator, ok in ((ours, found), (qt_own, qt_found)):
        if ok and app is not None:
            app.installTranslator(translator)
            _installed.append(translator)
    _set_locale(code)
    return found


def _set_locale(code: str) -> None:
    """The language's locale as the default, unless the default already speaks it (en_GB,
    de_DE-with-English keep their own number formats)."""
    current = QLocale()
    wanted = QLocale(code)
    if current.language() != wanted.language():
        QLocale.setDefault(wanted)


def language_name(code: str) -> str:
    """The name a language is listed under in View → Language."""
    return dict(LANGUAGES).get(code, code)
