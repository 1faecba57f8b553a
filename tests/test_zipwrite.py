"""The zip writer: archives any zip reader opens, the same bytes for the same entries, big
entries streamed, images compressed once."""

from __future__ import annotations

import io
import os
import zipfile

from build_decks import zipwrite


def test_entries_come_back_intact_in_sorted_order_with_one_time_and_mode(tmp_path):
    entries = {"b.txt": b"bee" * 1000, "a/é.svg": b"<svg/>", "empty": b"", "0": os.urandom(5000)}
    path = tmp_path / "x.zip"
    zipwrite.write_zip(path, entries, 1_700_000_000, remember={"0"})
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
        assert archive.namelist() == sorted(entries)
        assert {name: archive.read(name) for name in archive.namelist()} == entries
        infos = archive.infolist()
        assert {i.date_time for i in infos} == {(2023, 11, 14, 22, 13, 20)}
        assert {i.external_attr >> 16 for i in infos} == {0o100644}
        assert {i.compress_type for i in infos} == {zipfile.ZIP_DEFLATED}


def test_the_same_entries_give_the_same_bytes_and_times_before_1980_are_clamped(tmp_path):
    entries = {"n": b"x" * 10_000, "m": b"y"}
    one, two = io.BytesIO(), io.BytesIO()
    zipwrite.write_zip(one, entries, 0)
    zipwrite.write_zip(two, dict(reversed(entries.items())), 0)
    assert one.getvalue() == two.getvalue()
    assert zipfile.ZipFile(one).infolist()[0].date_time == (1980, 1, 1, 0, 0, 0)


def test_a_file_entry_is_streamed_in_chunks_and_reads_back(tmp_path):
    big = tmp_path / "big.bin"
    data = os.urandom(1 << 20) + b"z" * (3 << 20) + os.urandom(12345)  # several 1 MiB chunks
    big.write_bytes(data)
    path = tmp_path / "x.zip"
    zipwrite.write_zip(path, {"collection.anki2": big, "media": b"{}"}, 1_700_000_000)
    with zipfile.ZipFile(path) as archive:
        assert archive.testzip() is None
        assert archive.read("collection.anki2") == data and archive.read("media") == b"{}"
    in_memory = io.BytesIO()
    zipwrite.write_zip(in_memory, {"collection.anki2": data, "media": b"{}"}, 1_700_000_000)
    assert path.read_bytes() == in_memory.getvalue()  # streamed or not, the same archive


def test_remembered_images_are_compressed_once_and_kept_under_the_folder(tmp_path):
    zipwrite.remember_in(tmp_path / "deflate")
    try:
        image = os.urandom(2000) + b"<svg>" * 500
        first = zipwrite.deflated(image)
        assert any((tmp_path / "deflate").rglob("*.pickle"))
        zipwrite._SEEN.clear()
        assert zipwrite.deflated(image) == first
    finally:
        zipwrite.remember_in(None)
