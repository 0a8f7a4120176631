"""Reading: encodings detected and decoded exactly; bad input gives the right InputError."""
import pytest

from mtcheck.errors import BinaryInput, DecodeError, EmptyInput, InputError
from mtcheck.io.text import decode_bytes, read_text

ZH = "中方如何推动落实《人工智能能力建设普惠计划》？外交部回应澎湃新闻\n\n9月26日，外交部发言人林剑主持例行记者会。\n"
TW = "台灣總統今天在總統府接見外國訪問團，強調台灣願與各國攜手合作，共同維護區域和平與穩定。行政院表示，明年度預算將增加百分之五。"
JA = "日本政府は二十六日、新たな経済対策を発表した。首相は記者会見で「国民の生活を守る」と述べた。"
FR = "Le ministère des Affaires étrangères a répondu à la presse. Là-bas, l'été sera très chaud.\n"
FR_1252 = "L’œuvre coûte 5 € « selon » le ministère.\n"

ENCODED = [
    (ZH, "utf-8", "utf-8"),
    (ZH, "utf-8-sig", "utf-8-sig"),
    (ZH, "utf-16", "utf-16"),
    (FR, "utf-16", "utf-16"),
    (ZH, "utf-16-le", "utf-16-le"),
    (ZH, "utf-16-be", "utf-16-be"),
    (ZH, "gb18030", "gb18030"),
    (TW, "big5", "big5"),
    (JA, "shift_jis", "shift_jis"),
    (FR, "latin-1", "latin-1"),
    (FR_1252, "cp1252", "cp1252"),
]


@pytest.mark.parametrize("text,codec,expected", ENCODED)
def test_encodings_are_detected_and_decoded_exactly(text, codec, expected):
    decoded = decode_bytes(text.encode(codec), "a.txt")
    assert decoded.encoding == expected
    assert decoded.text == text


def test_bom_is_removed_so_offsets_index_the_text():
    decoded = decode_bytes("\ufeffAbc".encode("utf-8"), "a.txt")
    assert decoded.text == "Abc"


@pytest.mark.parametrize(
    "data,error,words",
    [
        (b"", EmptyInput, "empty file"),
        (b"  \n\t\n", EmptyInput, "empty file"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", BinaryInput, "binary"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", BinaryInput, "binary"),
        (bytes(range(256)) * 4, BinaryInput, "binary"),
        (b"\x00\x01\x02\x03PK\x03\x04" * 50, BinaryInput, "binary"),  # valid UTF-8, but NULs and controls
        (b"\xef\xbb\xbfabc\xff\xfe", DecodeError, "invalid utf-8-sig"),
        (b"abc\xff\xfe\xfd\xfc\x80\x81abc\xff\xfe\xfd\xfc\x80\x81", DecodeError, "recognised encoding"),
    ],
)
def test_bad_bytes_give_a_clear_input_error(tmp_path, data, error, words):
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(error) as info:
        read_text(str(path))
    assert words in str(info.value)
    assert str(path) in str(info.value)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_text(str(tmp_path / "nope.txt"))
    with pytest.raises(InputError, match="is a directory"):
        read_text(str(tmp_path))


def test_huge_input_is_refused_without_reading_it_all(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"a" * 4_000_100)
    with pytest.raises(InputError, match="too large"):
        read_text(str(path), max_chars=1_000_000)
