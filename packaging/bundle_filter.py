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

# Python's and other packages' modules the app never loads. Not `unittest`: scipy loads
# numpy.testing, which imports it (the packaged app could not suggest without it).
STANDARD_EXCLUDED_MODULES = [
    "tkinter", "pydoc_data", "test", "pytest", "IPython", "pandas", "matplotlib", "PIL",
    "setuptools", "pkg_resources",
]  # fmt: skip

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

# scikit-learn and scipy for theme suggestions (annotator/core/suggest): the engine uses
# feature_extraction.text (HashingVectorizer), linear_model (SGDClassifier), model_selection
# (GroupKFold, GroupShuffleSplit), preprocessing.normalize and scipy.sparse; loading them
# loads metrics, svm, utils, _loss and scipy's linalg, optimize, stats, special, spatial,
# interpolate, integrate, ndimage, fft and constants, which stay. Left out: the parts no code
# path of the app loads (PyInstaller's analysis would follow every import inside them), and
# every `tests` package. tests/packaging/test_bundle_filter.py runs training, scoring,
# serialising and evaluating and checks that none of these was loaded.
SKLEARN_EXCLUDED_MODULES = [
    f"sklearn.{name}"
    for name in (
        "_build_utils", "calibration", "cluster", "compose", "conftest", "covariance",
        "cross_decomposition", "datasets", "decomposition", "discriminant_analysis", "dummy",
        "ensemble", "experimental", "feature_selection", "frozen", "gaussian_process", "impute",
        "inspection", "isotonic", "kernel_approximation", "kernel_ridge", "manifold", "mixture",
        "multiclass", "multioutput", "naive_bayes", "neighbors", "neural_network", "pipeline",
        "random_projection", "semi_supervised", "tests", "tree",
    )
]  # fmt: skip
SCIPY_EXCLUDED_MODULES = [
    f"scipy.{name}"
    for name in (
        "cluster", "conftest", "datasets", "differentiate", "fftpack", "io", "misc", "odr",
        "signal",
    )
]  # fmt: skip


def test_packages(*packages: str) -> list[str]:
    """Every `tests` subpackage of the installed packages (module names), to leave out."""
    import importlib.util
    from pathlib import Path

    found = []
    for package in packages:
        spec = importlib.util.find_spec(package)
        for root in spec.submodule_search_locations if spec else ():
            for init in Path(root).rglob("tests/__init__.py"):
                parts = init.parent.relative_to(Path(root)).parts
                found.append(".".join((package, *parts)))
    return sorted(found)


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
    r"^babel/locale-data/(?!(root|en|ar)\.dat$)|"
    r"^(sklearn|scipy)/(.*/)?tests/|^sklearn/datasets/"
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
