"""Documentation and translation stay complete: a command, a setting or an interface string
that is not documented or has no Arabic translation fails here."""

import re
from pathlib import Path

import polib
import pytest
from typer.main import get_command

from marsad import settings as marsad_settings
from marsad.cli import app

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "marsad"
README = (ROOT / "README.md").read_text(encoding="utf-8")
CATALOGUE = polib.pofile(str(SRC / "locale" / "ar" / "LC_MESSAGES" / "django.po"))


def commands(group=None, prefix="marsad"):
    group = group or get_command(app)
    for name, command in group.commands.items():
        if hasattr(command, "commands"):
            yield from commands(command, f"{prefix} {name}")
        else:
            yield f"{prefix} {name}"


@pytest.mark.parametrize("command", sorted(commands()))
def test_every_command_is_in_the_readme(command):
    assert f"`{command}" in README


def test_every_environment_variable_is_in_the_readme():
    names = set(
        re.findall(r"\b((?:MARSAD|DATABASE)_[A-Z_]+)\b", Path(marsad_settings.__file__).read_text())
    )
    assert names, "settings read no environment variable?"
    for name in sorted(names):
        assert f"`{name}`" in README, name


def test_the_readme_starts_with_the_two_commands():
    first = README.split("```sh", 1)[1].split("```", 1)[0]
    assert first.strip().splitlines()[0].startswith("make run")
    assert first.strip().splitlines()[1].startswith("make test")
    assert "make test" in (ROOT / ".ci" / "run").read_text()


def test_every_message_has_an_arabic_translation():
    assert CATALOGUE.percent_translated() == 100, [
        e.msgid for e in CATALOGUE.untranslated_entries()
    ]
    assert not CATALOGUE.fuzzy_entries(), [e.msgid for e in CATALOGUE.fuzzy_entries()]
    for entry in CATALOGUE.translated_entries():
        placeholders = set(re.findall(r"%\(\w+\)s", entry.msgid))
        translations = [entry.msgstr] if entry.msgstr else list(entry.msgstr_plural.values())
        for text in translations:
            assert re.search(r"[\u0600-\u06ff]", text) or entry.msgid in ("English",), entry.msgid
        if placeholders and entry.msgstr:
            assert placeholders <= set(re.findall(r"%\(\w+\)s", entry.msgstr)), entry.msgid


TEMPLATE_STRING = re.compile(r"""{%\s*translate\s+(["'])(.+?)\1""")
PYTHON_STRING = re.compile(r"""\b_\(\s*(["'])(.+?)\1\s*\)""")


def _catalogued():
    return {e.msgid for e in CATALOGUE}


def test_every_interface_string_is_in_the_catalogue():
    """`make messages` was run after the last new string (checked without GNU gettext)."""
    known, missing = _catalogued(), []
    for path in SRC.rglob("*.html"):
        missing += [
            (path.name, m[1])
            for m in TEMPLATE_STRING.findall(path.read_text())
            if m[1] not in known
        ]
    for path in SRC.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        missing += [
            (path.name, m[1]) for m in PYTHON_STRING.findall(path.read_text()) if m[1] not in known
        ]
    assert not missing, f"run `make messages` and translate: {missing}"
