"""Bytes -> str, never assuming UTF-8, and the binary-garbage check.

Order (as in trafilatura's ``decode_file``): a byte-order mark; strict UTF-8; the charset an
HTML page declares in ``<meta>``; charset-normalizer's detection; last, UTF-8 with
``errors="replace"``. Whatever is not the plain UTF-8 path is reported in the warnings.
"""

from __future__ import annotations

import codecs
import logging
import re

from extractor.errors import InputError

logger = logging.getLogger(__name__)

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

#: A charset declared in the first bytes of an HTML page: <meta charset="x"> or the
#: http-equiv form <meta http-equiv="Content-Type" content="text/html; charset=x">.
_META_CHARSET = re.compile(
    rb"""
    <meta[^>]{0,200}?            # inside one meta tag
    charset\s*=\s*["']?\s*       # charset=, quoted or not
    (?P<name>[A-Za-z0-9._:-]{1,40})
    """,
    re.VERBOSE | re.IGNORECASE,
)

#: Single-byte code pages that charset-normalizer often ranks above cp1252 for short English
#: texts (cp1250 reads 0xA3 "£" as "Ł", cp775 reads 0x80 "€" as "Ć"). cp1252 is what
#: undeclared non-UTF-8 text nearly always is (the WHATWG encoding standard decodes even
#: "latin-1" as cp1252), so it wins when it decodes the bytes and few bytes are non-ASCII.
_CP1252_RIVALS = frozenset(
    {"cp1250", "cp1251", "cp1253", "cp1254", "cp1257", "cp850", "cp852", "cp858", "cp775"}
    | {"cp437", "cp1125", "cp1006", "cp866", "koi8_r", "koi8_u", "latin_1", "iso8859_2"}
    | {"iso8859_5", "iso8859_7", "iso8859_9", "iso8859_15", "mac_roman", "mac_cyrillic"}
    | {"mac_greek", "mac_latin2", "mac_turkish", "mac_iceland", "ptcp154", "kz1048"}
)

#: Above this share of non-ASCII bytes the text is not mostly English/Western with a few
#: accents, quotes and currency signs, and the detector's own choice stands (Cyrillic text).
_CP1252_MAX_NON_ASCII = 0.10

#: The bytes above ASCII, deleted to count them (a C loop, not a Python one).
_HIGH_BYTES = bytes(range(0x80, 0x100))

#: Bytes examined by the detector: enough for a reliable guess, bounded for 5 MB inputs.
_DETECT_BYTES = 200_000

#: Share of control characters (other than tab/newline/CR/FF) above which input is binary.
MAX_CONTROL_SHARE = 0.02


def decode_bytes(data: bytes, warnings: list[str]) -> str:
    """Decode raw bytes to text, appending a warning for every non-obvious choice.

    Args:
        data: the raw input.
        warnings: list the caller reports; decode choices are appended to it.

    Returns:
        The decoded text (a BOM is dropped).

    Raises:
        InputError: the bytes are binary (NUL bytes that no UTF-16/32 explains).
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                warnings.append(f"byte-order mark says {codec} but the bytes are not; replaced")
                return data.decode(codec, errors="replace")
    if b"\x00" in data[:_DETECT_BYTES]:
        codec = _utf16_without_bom(data)
        if codec is None:
            raise InputError("input looks like binary data (it contains NUL bytes), not an article")
        warnings.append(f"decoded as {codec} (NUL bytes in every other place, no BOM)")
        return data.decode(codec, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    declared = _declared_charset(data)
    if declared is not None:
        text = _decoded(data, declared)
        if text is not None:
            warnings.append(f"decoded as {declared} (declared by the page), not UTF-8")
            return text
        logger.debug("declared charset %s does not decode the page", declared)
    guess = _detect(data)
    if guess is not None:
        text = _decoded(data, guess)
        if text is not None:
            warnings.append(f"input is not UTF-8; decoded as {guess} (detected)")
            return text
        logger.debug("detected encoding %s does not decode the whole input", guess)
    warnings.append("input is not UTF-8 and its encoding is unknown; bad bytes replaced")
    return data.decode("utf-8", errors="replace")


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM: the NUL high bytes of ASCII in every other place."""
    head = data[:4096]
    even, odd = head[0::2], head[1::2]
    if len(head) < 4:
        return None
    if odd.count(0) > 0.4 * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    if match is None:
        return None
    name = match.group("name").decode("ascii", errors="replace").lower()
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return None
    # "latin-1" / "iso-8859-1" on the web means cp1252 (WHATWG encoding standard).
    return "cp1252" if codec in {"latin-1", "iso8859-1", "iso8859_1", "ascii"} else codec


def _detect(data: bytes) -> str | None:
    import charset_normalizer  # only undeclared non-UTF-8 input pays for the import

    try:
        matches = charset_normalizer.from_bytes(data[:_DETECT_BYTES])
    except (ValueError, TypeError, LookupError) as e:  # the detector's own failures
        logger.debug("charset detection failed: %s", e)
        return None
    best = matches.best()
    if best is None:
        return None
    if best.encoding in _CP1252_RIVALS and _decoded(data, "cp1252") is not None:
        sample = data[:_DETECT_BYTES]
        non_ascii = len(sample) - len(sample.translate(None, _HIGH_BYTES))
        if non_ascii <= _CP1252_MAX_NON_ASCII * len(sample):
            return "cp1252"
    return best.encoding


def _decoded(data: bytes, codec: str) -> str | None:
    """``data`` strictly decoded with ``codec``; None if the bytes or the codec name are wrong."""
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def check_not_binary(text: str, warnings: list[str]) -> str:
    """Raise on binary garbage; drop a few stray control characters from real text.

    Args:
        text: decoded input.
        warnings: receives a note when stray control characters are removed.

    Returns:
        ``text`` without control characters other than tab, newline, CR and form feed.

    Raises:
        InputError: more than ``MAX_CONTROL_SHARE`` of the characters are control
            characters or replacement marks (U+FFFD), or the text contains NUL.
    """
    if "\x00" in text:
        raise InputError("input looks like binary data (it contains NUL bytes), not an article")
    if not has_control(text):
        return text  # nothing to count or remove (nearly every text)
    controls = _CONTROL.findall(text)
    if not controls:
        return text
    if len(controls) > MAX_CONTROL_SHARE * len(text) + 2:
        share = len(controls) / max(1, len(text))
        raise InputError(
            f"input looks like binary data ({share:.0%} control or undecodable characters), "
            "not an article"
        )
    cleaned = _STRAY_CONTROL.sub("", text)
    if len(cleaned) != len(text):
        warnings.append(f"removed {len(text) - len(cleaned)} stray control characters")
    return cleaned


#: Characters that do not occur in text: C0 controls except tab, LF, CR, FF; and U+FFFD,
#: which stands for bytes that could not be decoded. (C1 controls are not counted: they are
#: what cp1252 or Shift-JIS text shown as Latin-1 looks like, and repair.py fixes them.)
_CONTROL = re.compile(r"[\x01-\x08\x0b\x0e-\x1f\x7f\ufffd]")
_STRAY_CONTROL = re.compile(r"[\x01-\x08\x0b\x0e-\x1f\x7f]")

#: Every byte but the C0 controls that ``_CONTROL`` matches: deleted to keep only those.
_NOT_CONTROL_BYTES = bytes(
    b for b in range(256) if not (0x01 <= b <= 0x08 or b == 0x0B or 0x0E <= b <= 0x1F or b == 0x7F)
)


def has_control(text: str) -> bool:
    """Does ``_CONTROL`` find anything in ``text``? Byte operations in C, not a regex scan.

    UTF-8 (``surrogatepass`` for lone surrogates) writes every character from U+0080 on with
    bytes 80-FF only, so a control byte in the encoding is that control character in the text.
    """
    if "\ufffd" in text:
        return True
    return bool(text.encode("utf-8", "surrogatepass").translate(None, _NOT_CONTROL_BYTES))
