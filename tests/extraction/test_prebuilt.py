"""The dictionaries kept built on disk: loaded when whole and current, built again otherwise,
never a crash; the loaded dictionaries extract exactly as the built ones."""

import json
import logging
import shutil
import tomllib
from pathlib import Path

import pytest

from marsad.extraction import gazetteer, prebuilt
from marsad.extraction.extract import extract

GOLD = Path(__file__).resolve().parent / "gold"


class Builds:
    """A cheap stand-in for the dictionaries' build that counts its calls."""

    def __init__(self):
        self.calls = 0

    def __call__(self):
        self.calls += 1
        return {"built": self.calls}


def kept(directory):
    return sorted(p.name for p in directory.glob(f"{prebuilt.PREFIX}*"))


def test_built_once_then_loaded(tmp_path):
    build = Builds()
    first = prebuilt.load_or_build(tmp_path, build, dict, key="k1")
    again = prebuilt.load_or_build(tmp_path, build, dict, key="k1")
    assert first == again == {"built": 1}
    assert build.calls == 1
    assert kept(tmp_path) == [prebuilt.path_for(tmp_path, "k1").name]


def test_a_new_key_builds_again_and_removes_the_old_file(tmp_path):
    build = Builds()
    prebuilt.load_or_build(tmp_path, build, dict, key="k1")
    assert prebuilt.load_or_build(tmp_path, build, dict, key="k2") == {"built": 2}
    assert kept(tmp_path) == [prebuilt.path_for(tmp_path, "k2").name]


def test_the_key_follows_the_data_files_and_the_code(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(prebuilt.DATA, data)
    before = prebuilt.build_key(data)
    assert prebuilt.build_key(data) == before
    places = data / "places.toml"
    places.write_text(places.read_text(encoding="utf-8") + "\n# one more line\n", "utf-8")
    assert prebuilt.build_key(data) != before
    code = tmp_path / "code"
    shutil.copytree(prebuilt.HERE, code, ignore=shutil.ignore_patterns("data", "__pycache__"))
    assert prebuilt.build_key(prebuilt.DATA, code) == prebuilt.build_key()
    (code / "gazetteer.py").write_text("# changed\n", "utf-8")
    assert prebuilt.build_key(prebuilt.DATA, code) != prebuilt.build_key()


@pytest.mark.parametrize(
    "damage",
    [
        b"",  # an empty file
        b"not a pickle at all",
        "truncated",
        "other key",
        "other kind",
    ],
)
def test_a_damaged_file_is_logged_and_built_again(tmp_path, caplog, damage):
    build = Builds()
    path = prebuilt.path_for(tmp_path, "k1")
    prebuilt.load_or_build(tmp_path, build, dict, key="k1")
    if damage == "truncated":
        path.write_bytes(path.read_bytes()[:-5])
    elif damage == "other key":
        prebuilt.load_or_build(tmp_path, build, dict, key="k2")
        prebuilt.path_for(tmp_path, "k2").rename(path)
    elif damage == "other kind":
        prebuilt._write(tmp_path, path, "k1", ["a", "list"])
    else:
        path.write_bytes(damage)
    calls = build.calls
    with caplog.at_level(logging.WARNING, logger="marsad.extraction.prebuilt"):
        loaded = prebuilt.load_or_build(tmp_path, build, dict, key="k1")
    assert loaded == {"built": calls + 1}
    assert "cannot be read" in caplog.text
    assert "building them again" in caplog.text
    # written anew: the next process loads it
    assert prebuilt.load_or_build(tmp_path, build, dict, key="k1") == loaded
    assert build.calls == calls + 1


def test_a_directory_that_cannot_be_written_is_logged_not_fatal(tmp_path, caplog):
    blocked = tmp_path / "file"
    blocked.write_text("a file where the directory should be")
    build = Builds()
    with caplog.at_level(logging.WARNING, logger="marsad.extraction.prebuilt"):
        assert prebuilt.load_or_build(blocked / "sub", build, dict, key="k1") == {"built": 1}
    assert "cannot keep the prebuilt dictionaries" in caplog.text
    assert not list(tmp_path.glob(".*tmp"))


@pytest.fixture
def kept_in(tmp_path):
    gazetteer.use_prebuilt(tmp_path)
    yield tmp_path
    gazetteer.use_prebuilt(None)


def test_loaded_dictionaries_extract_as_the_built_ones(kept_in):
    built = gazetteer.build_lexicon()
    loaded_first = gazetteer.lexicon()  # built and written
    assert kept(kept_in) == [prebuilt.path_for(kept_in, prebuilt.build_key()).name]
    gazetteer.lexicon.cache_clear()
    loaded = gazetteer.lexicon()  # read back
    assert loaded is not loaded_first
    assert loaded.actors == built.actors
    assert loaded.entries == built.entries
    assert loaded.patterns == built.patterns
    assert list(loaded.automaton.items()) == list(built.automaton.items())
    texts = [
        tomllib.loads(path.read_text(encoding="utf-8"))["text"]
        for path in sorted(GOLD.glob("*/*.toml"))[::4]
    ]
    assert len(texts) > 20
    with_loaded = [json.dumps(extract(t), ensure_ascii=False) for t in texts]
    gazetteer.use_prebuilt(None)
    assert [json.dumps(extract(t), ensure_ascii=False) for t in texts] == with_loaded
