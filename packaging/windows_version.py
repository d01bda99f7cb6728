"""The Windows version resource of Annotator.exe (Properties > Details), from the one version."""

from __future__ import annotations

import re
from pathlib import Path


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """'1.2.3' or '1.2.3rc1' -> (1, 2, 3, 0): Windows wants four numbers."""
    numbers = [int(n) for n in re.findall(r"\d+", version.split("+")[0])[:3]]
    return (*numbers, *([0] * (4 - len(numbers))))  # type: ignore[return-value]


def version_resource(folder: Path, app_name: str, version: str) -> str:
    """Write a PyInstaller version file into `folder`; returns its path."""
    numbers = version_tuple(version)
    text = f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0,
                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('040904B0', [
      StringStruct('CompanyName', '{app_name}'),
      StringStruct('FileDescription', '{app_name}: label Arabic news sentence by sentence'),
      StringStruct('FileVersion', '{version}'),
      StringStruct('InternalName', 'annotator'),
      StringStruct('LegalCopyright', 'MIT licence'),
      StringStruct('OriginalFilename', 'annotator.exe'),
      StringStruct('ProductName', '{app_name}'),
      StringStruct('ProductVersion', '{version}')])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "windows-version.txt"
    target.write_text(text, encoding="utf-8")
    return str(target)
