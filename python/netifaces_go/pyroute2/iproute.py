"""IPRoute: pyroute2's synchronous rtnetlink API on the Go core.

Arguments are passed through to core/rtnl, which applies pyroute2's
normalisation (addresses with /prefix, state='up', named tables, metrics,
multipath hops...) and builds the netlink request; results are pyroute2-shaped
messages built lazily (see _messages). Only what pyroute2 does in Python on
top of a request stays here: shortcuts (get_routes, link_lookup, flush_*),
callable dump filters, and the return-value conventions.
"""
from __future__ import annotations

import gc
import json
import os
from typing import Any, Callable, Dict, List, Optional, Tuple

from . import _messages as M
from ._events import Subscription
from ._transport import Connection, batch_error, encode_call
from .constants import RTMGRP_DEFAULTS

__all__ = ["IPRoute"]

# socket.AF_UNSPEC: importing socket (with selectors and array) for this
# constant alone would cost every process about 0.5 MB of memory.
_AF_UNSPEC = 0

# pyroute2 constructor arguments that have no meaning here (the Go core owns
# the socket and its buffers); accepted so existing call sites keep working.
_IGNORED_KWARGS = frozenset((
    "port", "pid", "fileno", "sndbuf", "rcvsize", "all_ns", "async_qsize", "target",
    "ext_ack", "strict_check", "nlm_echo", "libc", "use_socket", "use_event_loop",
    "telemetry", "groups",
))

_CLASS = {"link": M.ifinfmsg, "addr": M.ifaddrmsg, "route": M.rtmsg, "neigh": M.ndmsg,
          "rule": M.fibmsg}


def _build(lines: List[bytes], cls: Optional[type]) -> Tuple[Any, ...]:
    """Lazy messages for lines. Creating many container objects would run
    the cyclic GC repeatedly over everything alive; these objects hold no
    cycles, so the collector is paused while they are made."""
    if len(lines) < 2000:
        return tuple(M.lazy(lines, cls))
    enabled = gc.isenabled()
    gc.disable()
    try:
        return tuple(M.lazy(lines, cls))
    finally:
        if enabled:
            gc.enable()


def _split_filter(match: Any) -> Tuple[Dict[str, Any], Optional[Callable[[Any], bool]]]:
    """pyroute2 dump filters: a dict (values compared, or callables applied
    to the message's value) or a callable on the message. Plain values go to
    the Go core; callables stay in Python."""
    if match is None:
        return {}, None
    if callable(match):
        return {}, match
    if not isinstance(match, dict):
        raise TypeError(f"match must be a dict or a callable, not {type(match).__name__}")
    plain = {k: v for k, v in match.items() if isinstance(k, str) and not callable(v)}
    rest = {k: v for k, v in match.items() if k not in plain}
    if not rest:
        return plain, None

    def python_filter(msg: Any) -> bool:
        for key, want in rest.items():
            path = key if isinstance(key, tuple) else (key,)
            value = msg.get_nested(*path)
            if callable(want):
                if value is None or not want(value):
                    return False
            elif want != value:
                return False
        return True
    return plain, python_filter


def _wire_links(answer: Any) -> Tuple[Any, ...]:
    """link('get') result from an undecoded answer: a lazy ifinfmsg that
    reads its fixed header from the answer and has it encoded only when
    read further (see _transport.WireAnswer)."""
    if answer is None:
        return ()
    if not answer.is_link():  # not what a link get answers: the class from its event
        return tuple(M.lazy([answer.blob()], None))
    return tuple(M.lazy([answer], M.ifinfmsg))


def _link_get_args(kwarg: Dict[str, Any]) -> Optional[Tuple[int, Optional[bytes]]]:
    """(index, name) when link('get', **kwarg) can take the single-link
    lookup (nig_rtnl_get_link): only index= (an int in 0..2**31-1) and/or
    ifname= (a str that is valid UTF-8), which that call sends exactly as
    the generic request would. Anything else: None (the generic request,
    which also gives every argument error)."""
    index, name = 0, None
    for key, value in kwarg.items():
        if key == "index" and type(value) is int and 0 <= value <= 0x7FFFFFFF:
            index = value
        elif key == "ifname" and type(value) is str:
            try:
                name = value.encode()
            except UnicodeEncodeError:  # lone surrogates: the generic path decides
                return None
        else:
            return None
    if not index and name is None:
        return None
    return index, name


class IPRoute:
    """pyroute2.IPRoute on the Go core. Use as a context manager or call
    close(). Not for concurrent use from several threads (like pyroute2's
    synchronous IPRoute); open one per thread instead."""

    def __init__(self, netns: Any = None, flags: int = os.O_CREAT, *,
                 rcvbuf: Optional[int] = None, timeout: Optional[float] = None,
                 nlm_generator: bool = False, **kwargs: Any):
        unknown = set(kwargs) - _IGNORED_KWARGS
        if unknown:
            raise TypeError(f"IPRoute() got unexpected keyword arguments: {', '.join(sorted(unknown))}")
        if isinstance(netns, str) and "/" not in netns and flags & os.O_CREAT:
            if not os.path.exists(os.path.join("/run/netns", netns)):
                from . import netns as _netns
                _netns.create(netns)
        self._netns = netns
        self._rcvbuf = rcvbuf
        self._generator = nlm_generator
        self._conn = Connection(netns, timeout=timeout)
        self._events: Optional[Subscription] = None

    # ---- socket-like ---------------------------------------------------

    def close(self, code: Any = None) -> None:
        """Releases the sockets (safe to call twice)."""
        ev, self._events = self._events, None
        if ev is not None:
            ev.close()
        self._conn.close()

    release = close

    def __enter__(self) -> "IPRoute":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def fileno(self) -> int:
        """After bind(): a descriptor that polls readable while events are
        queued (select/poll/epoll); before: the request socket."""
        if self._events is not None:
            return self._events.fileno()
        return self._conn.info()["fd"]

    @property
    def closed(self) -> bool:
        return not self._conn.handle

    # ---- events ----------------------------------------------------------

    def bind(self, groups: int = RTMGRP_DEFAULTS, **kwargs: Any) -> None:
        """Subscribes to the multicast groups (RTMGRP_* bit mask). Events are
        received and decoded in Go with a large buffer; get() returns them."""
        if self._events is not None:
            self._events.close()
            self._events = None
        self._events = Subscription(self._conn, groups, rcvbuf=self._rcvbuf)

    def get(self, bufsize: int = -1, msg_seq: int = 0, terminate: Any = None,
            callback: Any = None, noraise: bool = False, timeout: Optional[float] = None) -> Tuple[Any, ...]:
        """The queued events (blocks until at least one arrives, or timeout
        seconds). A kernel buffer overflow raises OSError(ENOBUFS) once, after
        the events received before it; the stream then continues."""
        if self._events is None:
            raise RuntimeError("IPRoute.get(): call bind() first to subscribe to events")
        return self._events.get(timeout)

    # ---- generic request -------------------------------------------------

    def _request(self, obj: str, cmd: str, args: Dict[str, Any]) -> Tuple[Any, ...]:
        if not isinstance(cmd, str):
            raise TypeError(f"command must be a string, not {type(cmd).__name__}")
        return _build(self._conn.request(encode_call(obj, cmd, args)), None)

    def _dump(self, obj: str, args: Dict[str, Any], match: Any = None) -> Any:
        plain, pyfilter = _split_filter(match)
        if plain:
            args = dict(args, **plain)
        msgs = _build(self._conn.dump(encode_call(obj, "dump", args)), _CLASS[obj])
        if pyfilter is not None:
            msgs = tuple(m for m in msgs if pyfilter(m))
        return iter(msgs) if self._generator else msgs

    def _call(self, obj: str, command: Any, kwargs: Dict[str, Any]) -> Any:
        if command in ("dump", "show"):
            match = kwargs.pop("match", None)
            return self._dump(obj, kwargs, match)
        return self._request(obj, command, kwargs)

    def link(self, command: str, **kwarg: Any) -> Any:
        """Link operations: add, set, update, del, get, dump (pyroute2 kwargs:
        index, ifname, kind, peer, state, mtu, address, master, net_ns_fd...)."""
        if command == "get":
            fast = _link_get_args(kwarg)
            if fast is not None:
                return _wire_links(self._conn.get_link(*fast))
        return self._call("link", command, kwarg)

    def addr(self, command: str, *argv: Any, **kwarg: Any) -> Any:
        """Address operations: add, replace, del, dump. Positional arguments
        are pyroute2's (index, address, mask). add/del/replace return ()."""
        for key, value in zip(("index", "address", "mask"), argv):
            kwarg.setdefault(key, value)
        ret = self._call("addr", command, kwarg)
        if command not in ("dump", "show"):
            return ()  # pyroute2 0.7 swallows the acknowledgement of address requests
        return ret

    def route(self, command: str, **kwarg: Any) -> Any:
        """Route operations: add, set, replace, change, append, del, get, dump.
        Without proto=, routes are added with proto static (pyroute2's
        default; `ip route` uses boot)."""
        return self._call("route", command, kwarg)

    def neigh(self, command: str, **kwarg: Any) -> Any:
        """Neighbour operations: add, set, replace, change, append, del, get, dump."""
        return self._call("neigh", command, kwarg)

    def rule(self, command: str, *argv: Any, **kwarg: Any) -> Any:
        """Policy rule operations: add, del, dump. Positional arguments are
        pyroute2's (table, priority)."""
        for key, value in zip(("table", "priority"), argv):
            kwarg.setdefault(key, value)
        return self._call("rule", command, kwarg)

    def batch(self, calls: Any, *, acks: bool = True) -> List[Any]:
        """Runs many changes pipelined on the socket, like `ip -batch -force`.

        calls: iterable of (object, command, kwargs), e.g.
        ("route", "add", {"dst": "10.0.0.0/24", "gateway": "10.1.1.1"}).
        Returns one entry per call, in order: its answer (a tuple of messages,
        as the single call returns) or the exception it failed with (returned,
        not raised). With acks=False successful entries are None, which saves
        decoding the acknowledgements of large batches."""
        docs = []
        for obj, cmd, kwargs in calls:
            if not isinstance(cmd, str) or cmd in ("dump", "show"):
                raise ValueError(f"batch: {obj} {cmd!r} cannot be batched (changes only)")
            docs.append({"object": obj, "cmd": cmd, "args": dict(kwargs)})
        results: List[Any] = [None] * len(docs)
        for line in self._conn.batch(docs, errors_only=not acks):
            d = json.loads(line)
            i = d["index"]
            if d["ok"]:
                ret = tuple(M.from_dict(m) for m in d["messages"])
                results[i] = () if docs[i]["object"] == "addr" else ret
            else:
                results[i] = batch_error(d["error"])
        return results

    # ---- shortcuts -------------------------------------------------------

    def get_links(self, *argv: Any, **kwarg: Any) -> Tuple[Any, ...]:
        links = list(argv) or [0]
        if links[0] == "all":
            links = [0]
        if links[0] == 0:
            return self.link("dump", **kwarg)
        result: List[Any] = []
        for index in links:
            result.extend(self.link("get", index=index, **kwarg))
        return tuple(result)

    def get_addr(self, family: int = _AF_UNSPEC, match: Any = None, **kwarg: Any) -> Any:
        return self.addr("dump", family=family, match=match or kwarg)

    def get_routes(self, family: int = 255, match: Any = None, **kwarg: Any) -> Any:
        """All routes (every table); keyword arguments filter. A string dst=
        asks the kernel which route it would use (a FIB lookup, route('get')),
        as pyroute2 does, instead of filtering."""
        if isinstance(kwarg.get("dst"), str):
            return self.route("get", dst=kwarg["dst"])
        return self.route("dump", family=family, match=match or kwarg)

    def get_neighbours(self, family: int = _AF_UNSPEC, match: Any = None, **kwarg: Any) -> Any:
        return self.neigh("dump", family=family, match=match or kwarg)

    def get_rules(self, family: int = _AF_UNSPEC, match: Any = None, **kwarg: Any) -> Any:
        return self.rule("dump", family=family, match=match or kwarg)

    def get_default_routes(self, family: int = _AF_UNSPEC, table: int = 254) -> List[Any]:
        return [r for r in self.get_routes(family, table=table)
                if r.get_attr("RTA_DST") is None and r["dst_len"] == 0]

    def link_lookup(self, match: Any = None, **kwarg: Any) -> List[int]:
        """Indexes of the links matching: ifname=/index= ask the kernel for
        one link; other keys filter a dump."""
        from .._errors import NetlinkError
        if match is None and set(kwarg) in ({"index"}, {"ifname"}, {"index", "ifname"}):
            try:
                return [m["index"] for m in self.link("get", **kwarg)][:1]
            except NetlinkError:
                return []
        return [m["index"] for m in self.get_links(match=match or kwarg)]

    def filter_messages(self, dump_filter: Any, msgs: Any) -> Tuple[Any, ...]:
        """pyroute2's filter_messages: a callable or a dict of values/callables."""
        plain, pyfilter = _split_filter(dump_filter)
        out = []
        for m in msgs:
            if plain and not all(m.get_nested(k) == v for k, v in plain.items()):
                continue
            if pyfilter is not None and not pyfilter(m):
                continue
            out.append(m)
        return tuple(out)

    def _flush(self, obj: str, msgs: Any) -> List[Any]:
        deleted = []
        for m in msgs:
            try:
                self._delete_message(obj, m)
            except Exception as e:  # noqa: BLE001 - pyroute2 ignores per-object failures (fire and forget)
                from .._errors import NetlinkError
                if not isinstance(e, NetlinkError):
                    raise
                continue
            deleted.append(m)
        return deleted

    def _delete_message(self, obj: str, m: Any) -> None:
        self._conn.request(encode_call(obj, "del", _delete_args(obj, m)))

    def flush_routes(self, *argv: Any, **kwarg: Any) -> List[Any]:
        """Deletes the routes get_routes(*argv, **kwarg) returns; returns them."""
        return self._flush("route", self.get_routes(*argv, **kwarg))

    def flush_addr(self, *argv: Any, **kwarg: Any) -> List[Any]:
        """Deletes the addresses get_addr(*argv, **kwarg) returns; returns them."""
        return self._flush("addr", self.get_addr(*argv, **kwarg))

    def flush_rules(self, *argv: Any, **kwarg: Any) -> List[Any]:
        """Deletes the rules get_rules(*argv, **kwarg) returns; returns them."""
        return self._flush("rule", self.get_rules(*argv, **kwarg))

    def __repr__(self) -> str:
        state = "closed" if self.closed else "open"
        ns = f" netns={self._netns!r}" if self._netns is not None else ""
        return f"<netifaces_go.pyroute2.IPRoute {state}{ns}>"


# What identifies a dumped object for the kernel's delete, per object:
# (fixed-header fields, attributes as short names).
_DELETE_KEYS = {
    "route": (("family", "dst_len", "src_len", "tos", "proto", "scope", "type"),
              ("table", "dst", "src", "priority", "oif", "gateway")),
    "addr": (("family", "prefixlen", "index"), ("address", "local")),
    "rule": (("family", "dst_len", "src_len", "tos", "action"),
             ("table", "priority", "src", "dst", "fwmark", "fwmask", "iifname", "oifname")),
}


def _delete_args(obj: str, m: Any) -> Dict[str, Any]:
    """pyroute2 flushes by sending each dumped message back as a delete;
    these are the same fields and attributes as keyword arguments."""
    fields, attrs = _DELETE_KEYS[obj]
    args = {k: m[k] for k in fields if k in m}
    for k in attrs:
        v = m.get_attr(k)
        if v is not None:
            args[k] = v
    if obj == "route" and m.get_attr("RTA_TABLE") is None:
        args["table"] = m["table"]
    if obj == "rule" and m.get_attr("FRA_TABLE") is None:
        args["table"] = m["table"]
    return args
