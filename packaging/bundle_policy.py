"""What goes into a PyInstaller bundle, shared by the app's spec and the hello-world benchmark.

Plain data, no PyInstaller import: tests/test_bundle.py checks that the app never imports a
module excluded here (an excluded module would be missing from the frozen app at run time).
"""

from __future__ import annotations

import re
import sys

# Qt modules the app does not use.  PySide6's hooks bundle a module's shared libraries, plugins
# and translations only when the module is imported, so excluding them keeps them all out.
# QtNetwork too: the app speaks HTTP through requests (this drops the TLS and network plugins).
# QtCharts stays: the Overview's charts (its library pulls libQt6OpenGL*, ~0.8 MB, with it).
QT_EXCLUDES = [
    "PySide6.Qt3DAnimation",
    "PySide6.Qt3DCore",
    "PySide6.Qt3DExtras",
    "PySide6.Qt3DInput",
    "PySide6.Qt3DLogic",
    "PySide6.Qt3DRender",
    "PySide6.QtAxContainer",
    "PySide6.QtBluetooth",
    "PySide6.QtCanvasPainter",
    "PySide6.QtConcurrent",
    "PySide6.QtDataVisualization",
    "PySide6.QtDBus",
    "PySide6.QtDesigner",
    "PySide6.QtGraphs",
    "PySide6.QtGraphsWidgets",
    "PySide6.QtHelp",
    "PySide6.QtHttpServer",
    "PySide6.QtLocation",
    "PySide6.QtMultimedia",
    "PySide6.QtMultimediaWidgets",
    "PySide6.QtNetwork",
    "PySide6.QtNetworkAuth",
    "PySide6.QtNfc",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtPositioning",
    "PySide6.QtPrintSupport",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuick3D",
    "PySide6.QtQuickControls2",
    "PySide6.QtQuickTest",
    "PySide6.QtQuickWidgets",
    "PySide6.QtRemoteObjects",
    "PySide6.QtScxml",
    "PySide6.QtSensors",
    "PySide6.QtSerialBus",
    "PySide6.QtSerialPort",
    "PySide6.QtSpatialAudio",
    "PySide6.QtSql",
    "PySide6.QtStateMachine",
    "PySide6.QtTest",
    "PySide6.QtTextToSpeech",
    "PySide6.QtUiTools",
    "PySide6.QtWebChannel",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineQuick",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebSockets",
    "PySide6.QtWebView",
    "PySide6.QtXml",
]

# Big libraries and stdlib parts the app never needs at run time (test and build tools live in
# the same venv and must not be dragged in by an optional import somewhere).
PY_EXCLUDES = [
    "tkinter",
    "_tkinter",
    "test",
    "lib2to3",
    "idlelib",
    "ensurepip",
    "pydoc_data",
    "distutils",
    "setuptools",
    "pkg_resources",
    "pip",
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "mypy",
    "numpy",
    "IPython",
    "matplotlib",
    "PIL",
    # Only concurrent.futures' ProcessPoolExecutor reaches it; the app uses threads.  Leaving it
    # out also drops PyInstaller's multiprocessing run-time hook (~15 ms at every start).
    "multiprocessing",
    "gi",  # keyring's libsecret and KWallet backends try these and decline when absent; the
    "dbus",  # SecretService backend (secretstorage over jeepney) is the one used on Linux
]

EXCLUDES = QT_EXCLUDES + PY_EXCLUDES

# Qt plugins PySide6's hooks collect that the app never loads, and the Qt libraries only they
# pull in (~22 MB): the virtual keyboard (an on-screen QML keyboard for touch kiosks, chosen only
# by QT_IM_MODULE=qtvirtualkeyboard; QtQuick and QtQml come with it) and the PDF image format
# (QtPdf).  The input methods people type with (ibus, compose) stay.  Linux only, where it is
# tested; on macOS the libraries are frameworks whose parts would have to go together.
UNUSED_QT_PLUGINS = ("qtvirtualkeyboardplugin", "qpdf")
UNUSED_QT_LIBRARIES = (
    "Qml", "QmlMeta", "QmlModels", "QmlWorkerScript", "Quick", "VirtualKeyboard",
    "VirtualKeyboardQml", "Pdf",
)  # fmt: skip
_UNUSED = re.compile(
    r"^(?:lib)?(?:(?:{plugins})|Qt6(?:{libs}))\.so(?:\.|$)".format(
        plugins="|".join(UNUSED_QT_PLUGINS), libs="|".join(UNUSED_QT_LIBRARIES)
    )
)
PRUNE = sys.platform.startswith("linux")


def keep(entries: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """A spec's ``a.binaries`` / ``a.datas`` without the unused Qt plugins and libraries
    (entries are ``(name in the bundle, source, type)``)."""
    if not PRUNE:
        return list(entries)
    return [e for e in entries if not _UNUSED.match(e[0].replace("\\", "/").rpartition("/")[2])]


# Analysis options.  noarchive: the pure modules as .pyc files in the folder instead of inside
# the executable's zlib-compressed PYZ archive, which is opened, read and decompressed again for
# every import: ~25 ms off the app's start (~12 ms off a hello-world's), +7 MB.  Linux only:
# on Windows every extra file is another one for the virus scanner to open at start.
ANALYSIS_OPTIONS = {"noarchive": sys.platform.startswith("linux")}

# One-folder, windowed; UPX slows start-up and damages Qt libraries, so it stays off.
EXE_OPTIONS = {"console": False, "upx": False, "strip": False, "debug": False}
