"""Calls into the library's rtnl ABI (nig_rtnl_*); no pyroute2 semantics here.

Every request is a JSON document {"object","cmd","args"} that core/rtnl turns
into a netlink request; results come back as JSON Lines (one message per
line, see docs/rtnl-json.md) and are split here, never parsed.
"""
from __future__ import annotations

import ipaddress
import json
import marshal
import os
import struct
import gc as _gc
from itertools import repeat as _repeat
from typing import Any, Dict, List, Optional

from .._errors import NetlinkError, register_kind
from .._ffi import api

_RESTART = b'{"restart":true}'
# The same control message in the marshal format: {"restart": True}.
_RESTART_BLOB = b"{z\x07restartT0"


class NetlinkDumpInterrupted(NetlinkError):
    """The kernel kept interrupting a dump (NLM_F_DUMP_INTR) after retries."""

    def __init__(self, code: int = -1, msg: str = "dump interrupted"):
        super().__init__(code, msg)


def _netlink_error(code: int, en: int, message: str) -> BaseException:
    # pyroute2's shape: args == (errno, strerror); the library's text (with
    # the kernel's extended ack, if any) stays available as .extack.
    e = NetlinkError(en)
    e.extack = message
    return e


register_kind("NetlinkError", _netlink_error)
register_kind("NetlinkDumpInterrupted", lambda code, en, msg: NetlinkDumpInterrupted())


def _default(v: Any) -> Any:
    if isinstance(v, (ipaddress.IPv4Address, ipaddress.IPv6Address,
                      ipaddress.IPv4Network, ipaddress.IPv6Network,
                      ipaddress.IPv4Interface, ipaddress.IPv6Interface)):
        return str(v)
    if isinstance(v, (tuple, set, frozenset)):
        return list(v)
    if isinstance(v, bytes):
        return os.fsdecode(v)
    if hasattr(v, "__index__"):
        return v.__index__()
    raise TypeError(f"argument value {v!r} of type {type(v).__name__} cannot be sent to the kernel")


_mloads = marshal.loads
_encode = json.JSONEncoder(separators=(",", ":"), default=_default, ensure_ascii=False).encode


def batch_error(err: Dict[str, Any]) -> BaseException:
    """The exception for one failed call of a batch."""
    kind, code, msg = err.get("kind"), err.get("code", 0), err.get("message", "")
    if kind == "netlink" and code:
        e = NetlinkError(code)
        e.extack = msg
        return e
    if kind == "os" and code:
        return OSError(code, msg)
    if kind == "argument":
        return ValueError(msg)
    return RuntimeError(msg)


def encode_call(obj: str, cmd: str, args: Dict[str, Any]) -> bytes:
    return _encode({"object": obj, "cmd": cmd, "args": args}).encode("utf-8", "surrogateescape")


_IFINFO = struct.Struct("=IHHIIBxHiII")  # nlmsghdr + ifinfomsg
_RTM_NEWLINK = 16


class WireAnswer:
    """One answer message as the kernel sent it (nig_rtnl_get_link with
    wire=1), the raw of a lazy message (_messages): its fixed header is read
    here, and the marshal blob every other access needs is made by the
    library (nig_rtnl_marshal) on first use. It is the blob a request in the
    marshal format returns for the same answer."""

    __slots__ = ("wire", "_blob", "_head")

    def __init__(self, wire: bytes):
        self.wire = wire
        self._blob: Optional[bytes] = None
        self._head: Optional[Dict[str, Any]] = None

    def is_link(self) -> bool:
        """Whether this is one RTM_NEWLINK message (what a link get answers)."""
        w = self.wire
        if len(w) < _IFINFO.size:
            return False
        length, typ = _IFINFO.unpack_from(w)[:2]
        return typ == _RTM_NEWLINK and length == len(w)

    def head(self) -> Dict[str, Any]:
        """The fixed-header fields, as the blob holds them (is_link() only)."""
        h = self._head
        if h is None:
            _, _, _, _, _, family, ifi_type, index, flags, change = _IFINFO.unpack_from(self.wire)
            h = self._head = {"family": family, "__align": (), "ifi_type": ifi_type,
                              "index": index, "flags": flags, "change": change}
        return h

    def blob(self) -> bytes:
        b = self._blob
        if b is None:
            b = self._blob = _mloads(api.nig_rtnl_marshal(self.wire))[0]
        return b


class WireChunk:
    """Messages of a dump as the kernel sent them (a chunk of
    nig_rtnl_next in the marshal format: (n, wire)). The library turns the
    whole chunk into marshal blobs (nig_rtnl_marshal) when one of its
    messages is first read: until then a message of a large dump costs its
    wire size, a third of its blob's for a route."""

    __slots__ = ("wire", "blobs")

    def __init__(self, wire: bytes):
        self.wire: Optional[bytes] = wire
        self.blobs: Optional[List[bytes]] = None

    def blob(self, i: int) -> bytes:
        blobs = self.blobs
        if blobs is None:
            # The call releases the GIL: another thread may convert the
            # chunk meanwhile, to the same blobs.
            blobs = _mloads(api.nig_rtnl_marshal(self.wire))
            self.blobs, self.wire = blobs, None
        return blobs[i]


class WireRaw(tuple):
    """The raw of a lazy dump message (_messages): (chunk, index), message
    index of a WireChunk. Index objects are shared (a chunk holds at most
    256 messages)."""

    __slots__ = ()

    def blob(self) -> bytes:
        return self[0].blob(self[1])

    def head(self) -> Dict[str, Any]:
        return {}  # no fields without the blob: reading any key loads the message


class Connection:
    """One rtnetlink socket (a library handle)."""

    __slots__ = ("handle", "netns", "pid", "marshal", "__weakref__")

    def __init__(self, netns: Any = None, rcvbuf: Optional[int] = None,
                 timeout: Optional[float] = None, fmt: str = "marshal"):
        # marshal: per-message blobs that marshal.loads turns into dicts,
        # lists and tuples 2-5x faster than json.loads (docs/rtnl-json.md)
        opts: Dict[str, Any] = {"format": fmt}
        self.marshal = fmt == "marshal"
        if netns is not None:
            opts["netns"] = netns
        if rcvbuf:
            opts["rcvbuf"] = rcvbuf
        if timeout:
            opts["timeout"] = timeout
        self.netns = netns
        self.pid = os.getpid()
        self.handle = 0
        self.handle = api.nig_rtnl_open(_encode(opts).encode("utf-8", "surrogateescape"))

    def info(self) -> Dict[str, Any]:
        return json.loads(api.nig_rtnl_info(self._h()))

    def _h(self) -> int:
        if not self.handle:
            raise ValueError("I/O operation on a closed IPRoute")
        return self.handle

    def split(self, data: bytes) -> List[bytes]:
        """The messages of a result, undecoded."""
        if self.marshal:
            return _mloads(data) if data else []
        return data.split(b"\n") if data else []

    def request(self, call: bytes) -> List[bytes]:
        """A non-dump request: the answer messages, undecoded."""
        return self.split(api.nig_rtnl_request(self._h(), call))

    def get_link(self, index: int, name: Optional[bytes]) -> Optional["WireAnswer"]:
        """link get by index (0: none) and/or name (None: none): the
        kernel's answer undecoded, or None when it held no link."""
        wire = api.nig_rtnl_get_link(self._h(), index, name, 1)
        return WireAnswer(wire) if wire else None

    def dump(self, call: bytes) -> List[Any]:
        """A dump, drained chunk by chunk: the raws of its messages (JSON
        lines, marshal blobs, or WireRaw references into chunks of messages
        as the kernel sent them). A restarted dump (the kernel flagged it
        inconsistent) drops what earlier chunks delivered."""
        it = api.nig_rtnl_dump(self._h(), call)
        lines: List[Any] = []
        # The cyclic GC would scan everything made so far again and again
        # (a WireRaw per message); nothing made here holds a cycle. A reader
        # that pauses also lets the library's producer wait for it instead
        # of queueing the dump in memory.
        enabled = _gc.isenabled()
        _gc.disable()
        try:
            while True:
                chunk = api.nig_rtnl_next(it)
                if not chunk:
                    return lines
                msgs = self.split(chunk)
                if type(msgs) is tuple:  # (n, wire): n messages undecoded
                    n, wire = msgs
                    lines += map(WireRaw, zip(_repeat(WireChunk(wire), n), range(n)))
                    continue
                if len(msgs) == 1 and msgs[0] in (_RESTART, _RESTART_BLOB):
                    lines = []  # the kernel restarted the dump: start over
                    continue
                lines += msgs
        finally:
            if enabled:
                _gc.enable()
            api.nig_close(it)

    def batch(self, calls: List[Dict[str, Any]], errors_only: bool) -> List[bytes]:
        doc = {"calls": calls, "results": "errors" if errors_only else "all"}
        data = api.nig_rtnl_batch(self._h(), _encode(doc).encode("utf-8", "surrogateescape"))
        return data.split(b"\n") if data else []

    def close(self) -> None:
        h, self.handle = self.handle, 0
        if h:
            api.nig_close(h)

    def __del__(self) -> None:
        if self.pid != os.getpid():
            return  # a forked child does not own the parent's handles
        try:
            self.close()
        except Exception:  # interpreter shutdown, forked child: nothing to do
            pass
