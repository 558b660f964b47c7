"""The pure cores import no web framework and no Django app: they must run in a batch job or on
a cluster as they are."""

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "marsad"
PURE = ["extraction", "geo", "forcegen", "plangraph", "analytics", "datasets"]
# Shared helpers the pure cores may use, themselves free of Django.
SHARED = ["highs", "spreadsheet"]
ALLOWED_MARSAD = {f"marsad.{name}" for name in PURE + SHARED}


def imports(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


def sources(name):
    module = SRC / f"{name}.py"
    return [module] if module.exists() else sorted((SRC / name).rglob("*.py"))


@pytest.mark.parametrize("package", PURE + SHARED)
def test_pure_core_imports_nothing_of_django(package):
    for path in sources(package):
        for name in imports(path):
            top = name.split(".")[0]
            assert top not in ("django", "ninja", "simple_history", "rest_framework"), (path, name)
            if top == "marsad":
                assert any(name == p or name.startswith(p + ".") for p in ALLOWED_MARSAD), (
                    path,
                    name,
                )
