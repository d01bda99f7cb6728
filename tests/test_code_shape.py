"""The shape the house style asks of the code: small modules and small functions.

A module over 300 lines is split by noun; a function over 40 lines is split into steps with
names. Checked here, so that it holds as the code grows (ARCHITECTURE.md)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "annotator"
MAX_MODULE_LINES = 300
MAX_FUNCTION_LINES = 40


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_no_module_is_over_300_lines():
    long = [
        (str(p.relative_to(PACKAGE)), n)
        for p in modules()
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    ]
    assert long == []


def test_no_function_is_over_40_lines():
    long = []
    for path in modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    long.append((f"{path.relative_to(PACKAGE)}:{node.lineno} {node.name}", length))
    assert long == []
