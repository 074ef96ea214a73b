"""The C ABI side of netifaces_go.ipaddress: Go calls, packed records, errors.

Everything CPython decides about text (what parses, what it means, the exact
error message) and the special-purpose tables come from core/ipaddr through
these calls; the classes in :mod:`netifaces_go.ipaddress` work on integers.

Records are the ABI's 20-byte nig_ipaddr_record: the value big-endian in 16
bytes, prefix length, family, flags, a zero byte. This module packs and
unpacks them column-wise with slice assignments, so a million records cost a
handful of C-level copies rather than a Python loop.
"""
from __future__ import annotations

import json
import re
import struct
import sys
from array import array
from typing import Any, Dict, List, Optional, Tuple

from . import _errors, _ffi
from ._errors import AddressValueError, NetmaskValueError

# Parse modes (NIG_IPADDR_MODE_*).
MODE_ADDRESS = 0
MODE_IPV4_ADDRESS = 1
MODE_IPV6_ADDRESS = 2
MODE_NETWORK = 3
MODE_NETWORK_NONSTRICT = 4
MODE_IPV4_NETWORK = 5
MODE_IPV4_NETWORK_NONSTRICT = 6
MODE_IPV6_NETWORK = 7
MODE_IPV6_NETWORK_NONSTRICT = 8
MODE_INTERFACE = 9
MODE_IPV4_INTERFACE = 10
MODE_IPV6_INTERFACE = 11
MODE_IPV4_NETMASK = 12
MODE_IPV6_NETMASK = 13
MODE_IPV4_NETMASK_INT = 14
MODE_IPV6_NETMASK_INT = 15
MODE_IPV4_INT = 16
MODE_IPV6_INT = 17
MODE_IPV4_PACKED = 18
MODE_IPV6_PACKED = 19

# Record flags (NIG_IPADDR_F_*).
F_ADDRESS = 1
F_INTERFACE = 2
F_ZONE = 4

# nig_ipaddr_describe selectors.
TEXT_COMPRESSED = 0
TEXT_EXPLODED = 1
TEXT_REVERSE_POINTER = 2
TEXT_PLAIN = 3
DESCRIBE_PROPERTIES = 4

# Property bits (NIG_IPADDR_IS_*).
IS_PRIVATE = 1
IS_GLOBAL = 2
IS_MULTICAST = 4
IS_RESERVED = 8
IS_LOOPBACK = 16
IS_LINK_LOCAL = 32
IS_UNSPECIFIED = 64
IS_SITE_LOCAL = 128

RECORD_SIZE = 20
RECORD = struct.Struct(">QQBBBx")  # hi, lo, prefixlen, family, flags
ZONE = struct.Struct("=II")         # nig_ipaddr_parsed: zone offset, length
NONE_VALUE = 0xFFFFFFFF             # NIG_PREFIXTABLE_NONE
MASK64 = (1 << 64) - 1
_LITTLE = sys.byteorder == "little"

# The accessor object is stable; its bound functions are dropped after fork().
_fast = _ffi.fast
_api = _ffi.api

_KINDS = {
    "AddressValueError": AddressValueError,
    "NetmaskValueError": NetmaskValueError,
    "ValueError": ValueError,
    "TypeError": TypeError,
    "IndexError": IndexError,
}


# ---- errors -------------------------------------------------------------------

def error_from(rc: int, payload: bytes, proxy: Optional[Dict[str, str]] = None) -> BaseException:
    """The exception for a failed call: CPython's class and message."""
    try:
        info = json.loads(payload)
    except ValueError:
        return _errors.exception_for(rc, payload)
    cls = _KINDS.get(info.get("kind"))
    if cls is None:
        return _errors.exception_for(rc, payload)
    msg = info.get("message", "")
    if proxy:
        msg = _unproxy(msg, proxy)
    return cls(msg)


# Text with characters outside ASCII is sent as a stand-in where each distinct
# such character is a private-use code point (same length in code points, same
# parse: the parsers only act on ASCII). Go quotes stand-ins as \ueXXX or
# \U000fXXXX; they are replaced by this interpreter's repr() of the real
# character, so messages are exactly what this Python prints (Unicode versions
# differ between Go and Python releases), lone surrogates included.
_STANDINS = [(0xE000, 0xF8FF), (0xF0000, 0xFFFFD), (0x100000, 0x10FFFD)]
_ESCAPE = re.compile(r"(?<!\\)((?:\\\\)*)\\(u[0-9a-f]{4}|U[0-9a-f]{8})")


def _standin(i: int) -> Optional[str]:
    for lo, hi in _STANDINS:
        if i <= hi - lo:
            return chr(lo + i)
        i -= hi - lo + 1
    return None


def encode(text: str) -> Tuple[bytes, Optional[Dict[str, str]]]:
    """(bytes to send, stand-in map or None) for a str."""
    if text.isascii():
        return text.encode("ascii"), None
    mapping: Dict[str, str] = {}
    out = []
    for ch in text:
        if ch < "\x80":
            out.append(ch)
            continue
        s = mapping.get(ch)
        if s is None:
            s = _standin(len(mapping))
            if s is None:  # more distinct characters than stand-ins: send as is
                return text.encode("utf-8", "surrogatepass"), None
            mapping[ch] = s
        out.append(s)
    return "".join(out).encode("utf-8"), {s: ch for ch, s in mapping.items()}


def _unproxy(msg: str, proxy: Dict[str, str]) -> str:
    def sub(m: "re.Match[str]") -> str:
        ch = proxy.get(chr(int(m.group(2)[1:], 16)))
        if ch is None:
            return m.group(0)
        return m.group(1) + repr(ch)[1:-1]
    # Quoted text (repr) shows stand-ins escaped, str() text shows them as is.
    return _ESCAPE.sub(sub, msg).translate({ord(s): ch for s, ch in proxy.items()})


def zone_of(text: str, data: bytes, payload: bytes, proxy: Optional[Dict[str, str]]) -> str:
    """The scope id nig_ipaddr_parse located (byte offsets into data)."""
    off, n = ZONE.unpack_from(payload, RECORD_SIZE)
    if proxy is None and len(data) == len(text):
        return text[off:off + n]
    start = len(data[:off].decode("utf-8", "surrogatepass"))
    return text[start:start + len(data[off:off + n].decode("utf-8", "surrogatepass"))]


# ---- single values --------------------------------------------------------------

_SLASH_MESSAGES = ("Unexpected '/' in ", "Only one '/' permitted in ")


def parse(address: Any, text: str, mode: int) -> Tuple[int, int, int, int, Optional[str]]:
    """nig_ipaddr_parse of text (str(address)): (ip, prefixlen, family, flags, zone)."""
    data, proxy = encode(text)
    rc, payload = _fast.nig_ipaddr_parse(data, mode)
    if not rc:
        hi, lo, plen, fam, flags = RECORD.unpack_from(payload)
        zone = zone_of(text, data, payload, proxy) if flags & F_ZONE else None
        return (hi << 64 | lo) if hi else lo, plen, fam, flags, zone
    exc = error_from(rc, payload, proxy)
    if address is not text and isinstance(exc, AddressValueError):
        # CPython quotes the object it was given, not str() of it, here.
        msg = str(exc)
        for prefix in _SLASH_MESSAGES:
            if msg.startswith(prefix):
                exc = AddressValueError(prefix + repr(address))
    raise exc


def check_error(data: bytes, mode: int) -> BaseException:
    """The exception nig_ipaddr_parse gives for data (known to be refused)."""
    rc, payload = _fast.nig_ipaddr_parse(data, mode)
    if not rc:
        raise AssertionError(f"netifaces_go: mode {mode} accepted {data!r}")
    return error_from(rc, payload)


def record(ip: int, prefixlen: int, family: int, flags: int) -> bytes:
    return RECORD.pack(ip >> 64, ip & MASK64, prefixlen, family, flags)


def describe(ip: int, prefixlen: int, family: int, flags: int, what: int) -> str:
    rc, payload = _fast.nig_ipaddr_describe(record(ip, prefixlen, family, flags), what)
    if rc:
        raise error_from(rc, payload)
    return payload.decode("ascii")


def properties(ip: int, prefixlen: int, family: int, flags: int) -> int:
    rc, payload = _fast.nig_ipaddr_describe(record(ip, prefixlen, family, flags),
                                            DESCRIBE_PROPERTIES)
    if rc:
        raise error_from(rc, payload)
    return payload[0] if payload else 0


def call(name: str, *args: Any) -> bytes:
    """A buffer-returning call; failures raise CPython's exception class
    (mapped by _errors from the error JSON's kind)."""
    return getattr(_api, name)(*args)


_errors.register_kind("IndexError", lambda code, en, msg: IndexError(msg))


# ---- record buffers ------------------------------------------------------------

def item_index(exc: BaseException) -> Optional[int]:
    """The N of a bulk error message "item N: ..."."""
    m = re.match(r"item (\d+): ", str(exc))
    return int(m.group(1)) if m else None


def strip_item(exc: BaseException) -> BaseException:
    """The bulk error without its "item N: " prefix."""
    msg = re.sub(r"^item \d+: ", "", str(exc))
    return type(exc)(msg)


def pack_v4(ips: Any, prefixlens: bytes, flags: int) -> bytearray:
    """Records for IPv4 values (an iterable of ints < 2**32) in one pass of slices."""
    a = ips if isinstance(ips, array) and ips.typecode == "I" else array("I", ips)
    n = len(a)
    if _LITTLE:
        a = array("I", a)
        a.byteswap()
    b = a.tobytes()
    rec = bytearray(RECORD_SIZE * n)
    for k in range(4):
        rec[12 + k::RECORD_SIZE] = b[k::4]
    rec[16::RECORD_SIZE] = prefixlens
    rec[17::RECORD_SIZE] = b"\x04" * n
    if flags:
        rec[18::RECORD_SIZE] = bytes((flags,)) * n
    return rec


def pack_v6(ips: List[int], prefixlens: bytes, flags: int) -> bytearray:
    """Records for IPv6 values (ints < 2**128)."""
    n = len(ips)
    hi = array("Q", map((64).__rrshift__, ips))
    lo = array("Q", map(MASK64.__and__, ips))
    if _LITTLE:
        hi.byteswap()
        lo.byteswap()
    hb, lb = hi.tobytes(), lo.tobytes()
    rec = bytearray(RECORD_SIZE * n)
    for k in range(8):
        rec[k::RECORD_SIZE] = hb[k::8]
        rec[8 + k::RECORD_SIZE] = lb[k::8]
    rec[16::RECORD_SIZE] = prefixlens
    rec[17::RECORD_SIZE] = b"\x06" * n
    if flags:
        rec[18::RECORD_SIZE] = bytes((flags,)) * n
    return rec


def unpack_v4(buf: bytes, n: int, start: int = 0) -> array:
    """The IPv4 values of n records (array('I'))."""
    b = bytearray(4 * n)
    end = start + RECORD_SIZE * n
    for k in range(4):
        b[k::4] = buf[start + 12 + k:end:RECORD_SIZE]
    a = array("I", bytes(b))
    if _LITTLE:
        a.byteswap()
    return a


def unpack_v6(buf: bytes, n: int, start: int = 0) -> List[int]:
    """The IPv6 values of n records."""
    hb = bytearray(8 * n)
    lb = bytearray(8 * n)
    end = start + RECORD_SIZE * n
    for k in range(8):
        hb[k::8] = buf[start + k:end:RECORD_SIZE]
        lb[k::8] = buf[start + 8 + k:end:RECORD_SIZE]
    hi = array("Q", bytes(hb))
    lo = array("Q", bytes(lb))
    if _LITTLE:
        hi.byteswap()
        lo.byteswap()
    return [h << 64 | l if h else l for h, l in zip(hi, lo)]


def column(buf: bytes, offset: int, n: int, start: int = 0) -> bytes:
    """One byte field (16 prefixlen, 17 family, 18 flags) of n records."""
    return bytes(buf[start + offset:start + RECORD_SIZE * n:RECORD_SIZE])


def values(buf: bytes, n: int, start: int = 0) -> array:
    """n uint32 values (host order)."""
    a = array("I")
    a.frombytes(bytes(buf[start:start + 4 * n]))
    return a
