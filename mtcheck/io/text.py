"""Reading article files: bytes → text with encoding detection, and clear input errors.

Order of evidence: byte-order marks; strict UTF-8; UTF-16 without BOM (NUL-byte pattern); binary
signatures; single-byte Latin text (high bytes isolated between ASCII, as in accented European text);
then charset-normalizer restricted to the East-Asian legacy encodings news still arrives in
(GB18030, Big5, Shift-JIS, EUC-KR).
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Optional

from ..errors import BinaryInput, DecodeError, EmptyInput, InputError

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "utf-32"),
    (b"\xff\xfe", "utf-16-le", "utf-16"),
    (b"\xfe\xff", "utf-16-be", "utf-16"),
)
_BINARY_MAGIC = (
    b"%PDF", b"PK\x03\x04", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"\x7fELF", b"MZ", b"\x1f\x8b",
    b"BZh", b"7z\xbc\xaf", b"Rar!", b"\xd0\xcf\x11\xe0", b"SQLite format",
)
_CJK_ENCODINGS = ["gb18030", "big5", "shift_jis", "cp932", "euc_kr", "euc_jp"]
_ENCODING_NAMES = {"cp932": "shift_jis", "gb2312": "gb18030", "gbk": "gb18030", "big5hkscs": "big5", "cp950": "big5",
                   "cp949": "euc_kr", "euc_kr": "euc_kr", "shift_jis": "shift_jis", "euc_jp": "euc_jp",
                   "gb18030": "gb18030", "big5": "big5"}


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str


def _looks_binary(data: bytes) -> bool:
    if any(data.startswith(m) for m in _BINARY_MAGIC):
        return True
    sample = data[:65536]
    if b"\x00" in sample:
        return True  # NUL never occurs in text (UTF-16 is recognised before this test)
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > max(4, len(sample) // 100)


def _utf16_without_bom(data: bytes) -> Optional[str]:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) / 2
    # ASCII characters (digits, spaces, newlines) put a NUL in one byte of each pair; CJK text has
    # few of them, so require only that NULs fall on one parity far more than on the other.
    if odd >= max(2, 0.01 * half) and even * 4 <= odd:
        return "utf-16-le"
    if even >= max(2, 0.01 * half) and odd * 4 <= even:
        return "utf-16-be"
    return None


def _single_byte_latin(data: bytes) -> Optional[str]:
    """Latin-1 / Windows-1252 when high bytes stand alone between ASCII bytes (accented letters),
    unlike the lead+trail pairs of double-byte CJK encodings."""
    high = [i for i, b in enumerate(data) if b >= 0x80]
    if not high:
        return None
    # Runs of high bytes: CJK text makes long ones (two bytes a character, characters in a row);
    # accented Latin text makes runs of one to three (« + no-break space, ’œ).
    in_long_runs = 0
    run = 1
    for prev, cur in zip(high, high[1:] + [-1]):
        if cur == prev + 1:
            run += 1
            continue
        if run >= 4:
            in_long_runs += run
        run = 1
    if in_long_runs > 0.3 * len(high):
        return None
    # Bytes 0x80-0x9F are C1 controls in Latin-1 but quotes, dashes, œ and € in Windows-1252.
    if any(0x80 <= data[i] <= 0x9F for i in high):
        try:
            data.decode("cp1252")
            return "cp1252"
        except UnicodeDecodeError:
            return None
    return "latin-1"


def decode_bytes(data: bytes, name: str) -> DecodedText:
    """Decode ``data`` (the content of file ``name``) or raise an InputError naming the problem."""
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"invalid {label} after its byte-order mark at byte {exc.start + len(bom)}", name) from None
            return DecodedText(text, label)
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            text = data.decode(utf16)
        except UnicodeDecodeError:
            text = ""
        if text and sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in "\t\n\r\f") <= len(text[:65536]) // 100:
            return DecodedText(text, utf16)
    if _looks_binary(data):
        raise BinaryInput("binary file, not text", name)
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    latin = _single_byte_latin(data)
    if latin:
        return DecodedText(data.decode(latin), latin)
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=_CJK_ENCODINGS).best()
    if best is not None and best.encoding in _ENCODING_NAMES:
        codec = best.encoding
        try:
            return DecodedText(data.decode(codec), _ENCODING_NAMES[codec])
        except UnicodeDecodeError:
            pass
    raise DecodeError("not valid UTF-8 and not in a recognised encoding (UTF-16, GB18030, Big5, Shift-JIS, Latin-1)", name)


def _read_limited(stream: BinaryIO, limit: int, name: str) -> bytes:
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise InputError(f"too large: more than {limit:,} bytes (raise max_chars in the configuration to allow it)", name)
    return data


def read_text(path: str, max_chars: int = 5_000_000) -> DecodedText:
    """Read an article from ``path`` (``-`` for standard input) and decode it.

    Raises InputError subclasses for a missing, unreadable, empty, binary, undecodable or oversized input.
    """
    byte_limit = max_chars * 4  # no encoding needs more than four bytes a character
    if path == "-":
        name = "<stdin>"
        data = _read_limited(sys.stdin.buffer, byte_limit, name)
    else:
        name = path
        p = Path(path)
        if not p.exists():
            raise InputError("no such file", name)
        if p.is_dir():
            raise InputError("is a directory, not a file", name)
        try:
            with p.open("rb") as fh:
                data = _read_limited(fh, byte_limit, name)
        except PermissionError:
            raise InputError("permission denied", name) from None
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror or exc}", name) from None
    if not data.strip():
        raise EmptyInput("empty file", name)
    decoded = decode_bytes(data, name)
    if len(decoded.text) > max_chars:
        raise InputError(f"too large: {len(decoded.text):,} characters, limit {max_chars:,}", name)
    if not decoded.text.strip():
        raise EmptyInput("empty file (white space only)", name)
    return decoded
