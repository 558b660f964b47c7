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
APPS = sorted(p.parent for p in SRC.glob("*/apps.py"))


def catalogue(app):
    return polib.pofile(str(app / "locale" / "ar" / "LC_MESSAGES" / "django.po"))


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


@pytest.mark.parametrize("app", APPS, ids=lambda p: p.name)
def test_every_message_has_an_arabic_translation(app):
    po = catalogue(app)
    assert po.percent_translated() == 100, [e.msgid for e in po.untranslated_entries()]
    assert not po.fuzzy_entries(), [e.msgid for e in po.fuzzy_entries()]
    for entry in po.translated_entries():
        placeholders = set(re.findall(r"%\(\w+\)s", entry.msgid))
        translations = [entry.msgstr] if entry.msgstr else list(entry.msgstr_plural.values())
        for text in translations:
            assert re.search(r"[\u0600-\u06ff]", text) or entry.msgid == "English", entry.msgid
        if placeholders and entry.msgstr:
            assert placeholders <= set(re.findall(r"%\(\w+\)s", entry.msgstr)), entry.msgid


TEMPLATE_STRING = re.compile(r"""{%\s*translate\s+(["'])(.+?)\1""")
PYTHON_STRING = re.compile(r"""\b_\(\s*(["'])(.+?)\1\s*\)""")


@pytest.mark.parametrize("app", APPS, ids=lambda p: p.name)
def test_every_interface_string_is_in_its_apps_catalogue(app):
    """`make messages` was run after the last new string (checked without GNU gettext)."""
    known, missing = {e.msgid for e in catalogue(app)}, []
    for path in app.rglob("*.html"):
        found = TEMPLATE_STRING.findall(path.read_text())
        missing += [(path.name, m[1]) for m in found if m[1] not in known]
    for path in app.rglob("*.py"):
        if "migrations" not in path.parts:
            found = PYTHON_STRING.findall(path.read_text())
            missing += [(path.name, m[1]) for m in found if m[1] not in known]
    assert not missing, f"run `make messages` and translate: {missing}"
