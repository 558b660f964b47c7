import io
import json

import pytest

from marsad.extraction import text_files
from marsad.extraction.command import run_extract
from marsad.extraction.text_files import read_text


def write(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_each_file_is_one_json_line_and_bad_files_are_reported(tmp_path):
    good = write(tmp_path, "good.txt", b"Italy declined to comment.")
    arabic = write(tmp_path, "ar.txt", "\ufeffامتنعت إيطاليا عن التعليق.".encode())
    empty = write(tmp_path, "empty.txt", b"")
    blank = write(tmp_path, "blank.txt", b"  \n\n ")
    binary = write(tmp_path, "x.bin", b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    latin1 = write(tmp_path, "latin1.txt", "café à Gaza".encode("latin-1"))
    out, err = io.StringIO(), io.StringIO()
    paths = [good, empty, blank, binary, latin1, tmp_path / "missing.txt", tmp_path, arabic]
    report = run_extract(paths, published="2025-11-20", stdout=out, stderr=err)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [line["document"]["path"] for line in lines] == [str(good), str(arabic)]
    assert lines[1]["document"]["language"] == "ar"
    assert not lines[1]["document"]["chars"] == len("\ufeff")  # the mark is dropped
    messages = {p.path: p.message for p in report.problems}
    assert messages[str(empty)] == "empty file"
    assert messages[str(blank)] == "empty file"
    assert "binary" in messages[str(binary)]
    assert "not UTF-8" in messages[str(latin1)]
    assert messages[str(tmp_path / "missing.txt")] == "no such file"
    assert messages[str(tmp_path)] == "not a regular file"
    assert report.exit_code == 1
    assert err.getvalue().count("marsad extract:") == 6


def test_out_dir_gets_one_file_per_input(tmp_path):
    a = write(tmp_path, "a.txt", b"The ISF will secure humanitarian corridors.")
    other = tmp_path / "sub"
    other.mkdir()
    b = write(other, "a.txt", b"Egypt welcomed the plan.")
    report = run_extract([a, b], out_dir=tmp_path / "out", stdout=io.StringIO())
    assert report.exit_code == 0
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == ["a-2.json", "a.json"]
    assert json.loads((tmp_path / "out" / "a.json").read_text())["claims"]


def test_files_above_the_limit_are_refused_with_the_reason(tmp_path, monkeypatch):
    monkeypatch.setattr(text_files, "MAX_BYTES", 1000)
    big = write(tmp_path, "big.txt", b"Gaza " * 300)
    with pytest.raises(ValueError, match="too large"):
        read_text(big)


def test_bad_arguments_fail_before_any_file():
    with pytest.raises(ValueError, match="published"):
        run_extract([], published="20/11/2025")
    with pytest.raises(ValueError, match="lang"):
        run_extract([], lang="fr")


def test_a_text_of_several_megabytes_is_processed(tmp_path):
    quiet = "وقال سكان في المدينة إن الطقس كان بارداً هذا الصباح وإن الأسواق فتحت أبوابها. " * 10
    claim = "قُتل 3 فلسطينيين في قصف إسرائيلي على رفح، وفق وزارة الصحة.\n"
    text = (quiet + "\n") * 30 + claim
    big = write(tmp_path, "big.txt", (text * 75).encode())
    assert big.stat().st_size > 3_000_000
    out = io.StringIO()
    report = run_extract([big], stdout=out)
    assert report.exit_code == 0
    result = json.loads(out.getvalue())
    assert result["document"]["chars"] == len(text * 75)
    casualties = [c for c in result["claims"] if c["type"] == "casualties"]
    assert len(casualties[0]["evidence"]) == 75
