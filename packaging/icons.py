"""The app and project-file icons: draw the SVGs once, render PNG/ICO/ICNS for installers.

Usage (with a Python that has PySide6; no display needed):
  python packaging/icons.py svg                 # (re)write resources/icons/*.svg
  python packaging/icons.py render OUT_DIR      # hicolor PNG tree, annotator.ico, annotator.icns

The letter ع is the outline of the bundled Noto Naskh Arabic Bold glyph, converted to an SVG
path here, so the icon does not depend on any font being installed where it is shown.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QFont, QGuiApplication, QImage, QPainter, QRawFont
from PySide6.QtSvg import QSvgRenderer

REPO = Path(__file__).resolve().parents[1]
ICONS = REPO / "resources" / "icons"
APP_SVG = ICONS / "annotator.svg"
MIME_SVG = ICONS / "application-x-annotator-project.svg"
FONT = REPO / "resources" / "fonts" / "NotoNaskhArabic-Bold.ttf"
HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS element types holding PNG data, by pixel size (the @2x types reuse the larger images).
ICNS_TYPES = [
    (b"icp4", 16),
    (b"icp5", 32),
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic13", 256),
    (b"ic09", 512),
    (b"ic14", 512),
    (b"ic10", 1024),
]

TEAL_TOP, TEAL_BOTTOM, HIGHLIGHT = "#2b8a91", "#155058", "#f5c542"


def glyph_path(char: str, box: QRectF) -> str:
    """SVG path data for `char` in the bundled font, scaled to fit `box` (centred)."""
    raw = QRawFont(str(FONT), 1000, QFont.HintingPreference.PreferNoHinting)
    glyphs = raw.glyphIndexesForString(char)
    path = raw.pathForGlyph(glyphs[0])
    bounds = path.boundingRect()
    scale = min(box.width() / bounds.width(), box.height() / bounds.height())
    dx = box.center().x() - bounds.center().x() * scale
    dy = box.center().y() - bounds.center().y() * scale
    parts: list[str] = []
    index = 0
    while index < path.elementCount():
        element = path.elementAt(index)
        x, y = element.x * scale + dx, element.y * scale + dy
        if element.isMoveTo():
            parts.append(f"M{x:.1f} {y:.1f}")
        elif element.isLineTo():
            parts.append(f"L{x:.1f} {y:.1f}")
        else:  # a cubic: this element and the next two (CurveToDataElement) are its points
            points = [path.elementAt(index + k) for k in range(3)]
            coords = " ".join(f"{p.x * scale + dx:.1f} {p.y * scale + dy:.1f}" for p in points)
            parts.append(f"C{coords}")
            index += 2
        index += 1
    return " ".join(parts) + " Z"


def app_svg() -> str:
    letter = glyph_path("ع", QRectF(70, 34, 116, 178))
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<!-- Annotator: the letter ع over a highlighter mark. Made by packaging/icons.py; edit there. -->
<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="{TEAL_TOP}"/>
      <stop offset="1" stop-color="{TEAL_BOTTOM}"/>
    </linearGradient>
  </defs>
  <rect x="12" y="12" width="232" height="232" rx="52" fill="url(#bg)"/>
  <rect x="38" y="140" width="180" height="50" rx="12" fill="{HIGHLIGHT}"
        transform="rotate(-5 128 165)"/>
  <path d="{letter}" fill="#ffffff"/>
</svg>
"""


def mime_svg() -> str:
    letter = glyph_path("ع", QRectF(106, 122, 52, 82))
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<!-- Annotator project file (application/x-annotator-project). Made by packaging/icons.py. -->
<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <path d="M52 14 H166 L214 62 V242 H52 Z" fill="#ffffff" stroke="#8a969e" stroke-width="8"
        stroke-linejoin="round"/>
  <path d="M166 14 V62 H214" fill="#dfe5e8" stroke="#8a969e" stroke-width="8"
        stroke-linejoin="round"/>
  <rect x="76" y="50" width="72" height="10" rx="5" fill="#b7c1c7"/>
  <rect x="76" y="74" width="114" height="10" rx="5" fill="#b7c1c7"/>
  <rect x="84" y="110" width="96" height="104" rx="24" fill="{TEAL_BOTTOM}"/>
  <rect x="92" y="172" width="80" height="22" rx="6" fill="{HIGHLIGHT}"/>
  <path d="{letter}" fill="#ffffff"/>
</svg>
"""


def render_png(svg: Path, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(svg)).render(painter, QRectF(0, 0, size, size))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico whose images are PNGs (read by Windows Vista and later)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset, entries, blobs = 6 + 16 * len(sizes), b"", b""
    for size in sizes:
        blob = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256 in the directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
        blobs += blob
    return header + entries + blobs


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    body = b"".join(kind + struct.pack(">I", 8 + len(pngs[s])) + pngs[s] for kind, s in ICNS_TYPES)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def render(out: Path) -> list[Path]:
    """hicolor/<N>x<N>/{apps,mimetypes}/*.png and scalable SVGs, plus .ico and .icns."""
    written = []
    for svg, category in ((APP_SVG, "apps"), (MIME_SVG, "mimetypes")):
        for size in HICOLOR_SIZES:
            target = out / "hicolor" / f"{size}x{size}" / category / f"{svg.stem}.png"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(render_png(svg, size))
            written.append(target)
        scalable = out / "hicolor" / "scalable" / category / svg.name
        scalable.parent.mkdir(parents=True, exist_ok=True)
        scalable.write_bytes(svg.read_bytes())
        written.append(scalable)
    pngs = {size: render_png(APP_SVG, size) for size in {*ICO_SIZES, *(s for _, s in ICNS_TYPES)}}
    for name, data in (
        ("annotator.ico", ico_bytes({s: pngs[s] for s in ICO_SIZES})),
        ("annotator.icns", icns_bytes(pngs)),
        ("annotator-project.ico", ico_bytes({s: render_png(MIME_SVG, s) for s in ICO_SIZES})),
    ):
        (out / name).write_bytes(data)
        written.append(out / name)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="action", required=True)
    sub.add_parser("svg", help="write resources/icons/*.svg")
    render_parser = sub.add_parser("render", help="PNG tree, .ico and .icns into OUT")
    render_parser.add_argument("out", type=Path)
    args = parser.parse_args(argv)
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 - QRawFont needs it
    if args.action == "svg":
        ICONS.mkdir(parents=True, exist_ok=True)
        APP_SVG.write_text(app_svg(), encoding="utf-8")
        MIME_SVG.write_text(mime_svg(), encoding="utf-8")
        print(f"wrote {APP_SVG.relative_to(REPO)} and {MIME_SVG.relative_to(REPO)}")
    else:
        written = render(args.out)
        print(f"rendered {len(written)} icon files into {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
