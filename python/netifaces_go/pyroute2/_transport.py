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

    def dump(self, call: bytes) -> List[bytes]:
        """A dump, drained chunk by chunk; a restarted dump (the kernel
        flagged it inconsistent) drops what earlier chunks delivered."""
        it = api.nig_rtnl_dump(self._h(), call)
        lines: List[bytes] = []
        try:
            while True:
                chunk = api.nig_rtnl_next(it)
                if not chunk:
                    return lines
                msgs = self.split(chunk)
                if len(msgs) == 1 and msgs[0] in (_RESTART, _RESTART_BLOB):
                    lines = []  # the kernel restarted the dump: start over
                    continue
                lines += msgs
        finally:
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
