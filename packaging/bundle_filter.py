"""What the PyInstaller bundle leaves out (used by annotator.spec; measured, see README).

PyInstaller's Qt hooks collect every plugin of the kinds QtGui uses, and each plugin drags in
its libraries. The app needs: the xcb (X11 and XWayland), wayland and offscreen platforms,
input contexts (compose, ibus: Arabic keyboards), the portal theme (file dialogs), SVG icons,
common image formats, and Qt's own Arabic translation. Everything else here is left out.

On Linux, the libraries of the desktop itself (X11/xcb, fontconfig/freetype, glib, D-Bus,
libstdc++) come from the system: they must match the running X server, font configuration
and GL drivers (a bundled libstdc++ older than Mesa's breaks GL), and the .deb depends on
their packages. Python's own libraries (SQLite, OpenSSL, zlib ...) stay bundled so the
app behaves the same as tested.
"""

from __future__ import annotations

import re
import sys

# Python modules of Qt and pyarrow that the app never imports.
QT_EXCLUDED_MODULES = [
    "PySide6.QtNetwork",
    "PySide6.QtDBus",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtPdf",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtDesigner",
    "PySide6.QtUiTools",
    "PySide6.QtHelp",
    "PySide6.QtXml",
    "PySide6.QtConcurrent",
]
PYARROW_EXCLUDED_MODULES = [
    "pyarrow.tests",
    "pyarrow.flight",
    "pyarrow._flight",
    "pyarrow._s3fs",
    "pyarrow._gcsfs",
    "pyarrow._azurefs",
    "pyarrow._hdfs",
    "pyarrow.substrait",
    "pyarrow._substrait",
    "pyarrow.orc",
    "pyarrow._orc",
    "pyarrow._dataset_orc",
    "pyarrow.cuda",
    "pyarrow._cuda",
    "pyarrow.interchange",
    "pyarrow.pandas_compat",
]

_PLUGINS_KEPT = {
    "platforms": {
        "libqxcb",
        "libqwayland",
        "libqoffscreen",
        "libqminimal",
        "qwindows",
        "qcocoa",
        "qoffscreen",
        "qminimal",
    },
    "platforminputcontexts": {
        "libcomposeplatforminputcontextplugin",
        "libibusplatforminputcontextplugin",
    },
    "platformthemes": {"libqxdgdesktopportal"},  # gtk3's would load the system's GTK beside ours
    "imageformats": {
        "libqsvg",
        "libqico",
        "libqjpeg",
        "libqgif",
        "qsvg",
        "qico",
        "qjpeg",
        "qgif",
        "libqmacheif",
        "libqmacjp2",
    },
    "iconengines": {"libqsvgicon", "qsvgicon"},
    "xcbglintegrations": {"libqxcb-glx-integration", "libqxcb-egl-integration"},
    "wayland-shell-integration": {"libxdg-shell"},
    "wayland-decoration-client": {"libbradient"},
    "wayland-graphics-integration-client": {"libqt-plugin-wayland-egl", "libshm-emulation-server"},
    "styles": {"qmodernwindowsstyle", "qwindowsvistastyle", "libqmacstyle"},
}
_QT_LIBS_DROPPED = re.compile(
    r"(Qt6?|lib)?Qt6?(Network|Qml\w*|Quick\w*|Pdf\w*|VirtualKeyboard\w*|EglFS\w*|EglFs\w*|"
    r"Test|Designer\w*|Help|Sql|Concurrent|Xml|Labs\w*|Lottie\w*|UiTools|WaylandCompositor\w*)"
    r"(\.so\.6|\.dll|\b)"
)
_PYARROW_LIBS_DROPPED = re.compile(
    r"libarrow_(flight|s3|python_flight)\b|arrow_flight|"
    r"libarrow_python\w*\.so(\.\d+\.\d+\.\d+)?$"  # copies: only the .so.NNNN soname is loaded
)
# Sonames the Linux desktop provides (see the module docstring).
_SYSTEM_LIBS = re.compile(
    r"^(libX11|libX11-xcb|libXau|libXdmcp|libXext|libXrender|libxcb[\w-]*|libxkbcommon[\w-]*|"
    r"libfontconfig|libfreetype|libharfbuzz|libgraphite2|libpng16|libbrotli\w*|libexpat|"
    r"libglib-2\.0|libgobject-2\.0|libgio-2\.0|libgmodule-2\.0|libgthread-2\.0|libpcre2-8|"
    r"libdbus-1|libsystemd|libgcrypt|libgpg-error|liblz4|libcap|libselinux|libmount|libblkid|"
    r"libbsd|libmd|libstdc\+\+|libgcc_s|libwayland[\w-]*|libdrm|libgbm|libudev|libmtdev|"
    r"libinput|libevdev|libwacom|libatk[\w.-]*|libcairo[\w-]*|libpango[\w.-]*|libgdk[\w.-]*|"
    r"libgtk[\w.-]*|libpixman-1|libfribidi|libthai|libdatrie|libjpeg|libepoxy|libXi|libXfixes|"
    r"libXcursor|libXrandr|libXinerama|libXcomposite|libXdamage)\.so"
)
_DATA_DROPPED = re.compile(
    r"(^|/)(pyarrow/include/|pyarrow/src/|pyarrow/tests/)|\.(pyx|pxd|pxi|h|hpp|cc|cpp)$|"
    r"^babel/locale-data/(?!(root|en|ar)\.dat$)"
)
_TRANSLATION = re.compile(r"Qt/translations/(\w+?)_(\w+)\.qm$")
KEPT_QT_LANGUAGES = {"ar", "en"}


def _plugin(name: str) -> tuple[str, str] | None:
    """(plugin kind, file stem) for a Qt plugin's destination path (.../plugins/KIND/FILE)."""
    parts = name.replace("\\", "/").split("/")
    if len(parts) < 3 or parts[-3] != "plugins":
        return None
    return parts[-2], parts[-1].split(".")[0]


def keep_binary(name: str) -> bool:
    """Keep this shared library (destination path inside the bundle)?"""
    plugin = _plugin(name)
    if plugin is not None:
        kind, stem = plugin
        return stem in _PLUGINS_KEPT.get(kind, set())
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    if _QT_LIBS_DROPPED.search(base) or _PYARROW_LIBS_DROPPED.search(base):
        return False
    return not (sys.platform.startswith("linux") and _SYSTEM_LIBS.match(base))


def keep_data(name: str) -> bool:
    """Keep this data file (destination path inside the bundle)?"""
    path = name.replace("\\", "/")
    translation = _TRANSLATION.search(path)
    if translation:
        return translation.group(2).split("_")[0] in KEPT_QT_LANGUAGES
    return not _DATA_DROPPED.search(path)


def filter_toc(entries: list) -> list:
    """Keep the (destination, source, typecode) entries of a PyInstaller TOC that ship."""
    kept = []
    for entry in entries:
        name, typecode = entry[0], entry[2]
        binary = typecode in ("BINARY", "EXTENSION", "SYMLINK")
        if keep_binary(name) if binary else keep_data(name):
            kept.append(entry)
    return kept
