"""Bulk operations of netifaces_go.ipaddress, beyond the standard library.

One C ABI call per operation over packed 20-byte records; results become the
standard classes through constructors that skip ``__init__`` (the values come
from Go), with the cyclic GC paused while many objects are built.

* :func:`parse_many` -- many strings through one constructor in one call;
* :func:`collapse` -- ``collapse_addresses`` in Go;
* :class:`IPSet` -- a netaddr-style set of addresses behind a Go handle;
* :class:`IPRange` -- an inclusive range of addresses;
* :class:`PrefixTable` -- longest-prefix match, prefix -> Python value.
"""
from __future__ import annotations

import gc
import json
import operator
import os
import sys
import weakref
from array import array
from typing import Any, Dict, Iterable, Iterator, List, Optional, Tuple

from . import _ipaddress_core as _core
from . import ipaddress as _ip

_IP = operator.attrgetter("_ip")
_NET_IP = operator.attrgetter("network_address._ip")
_PLEN = operator.attrgetter("_prefixlen")
_SCOPE = operator.attrgetter("network_address._scope_id")
_R = _core.RECORD_SIZE


class _GCPaused:
    """Pauses the cyclic GC while many objects are built (they hold no cycles)."""

    def __enter__(self) -> None:
        self.was = gc.isenabled()
        gc.disable()

    def __exit__(self, *exc: Any) -> None:
        if self.was:
            gc.enable()


# ---- records <-> objects --------------------------------------------------------

def _addresses(ips: Iterable[int], family: int) -> list:
    new = object.__new__
    out: list = []
    append = out.append
    if family == 4:
        cls4 = _ip.IPv4Address
        for ip in ips:
            a = new(cls4)
            a._ip = ip
            append(a)
    else:
        cls6 = _ip.IPv6Address
        for ip in ips:
            a = new(cls6)
            a._ip = ip
            a._scope_id = None
            append(a)
    return out


def _decode(buf: bytes, n: int, start: int = 0) -> Tuple[List[int], bytes, bytes]:
    """(values, prefix lengths, families) of n records."""
    fams = _core.column(buf, 17, n, start)
    if fams.count(4) == n:
        ips: Any = _core.unpack_v4(buf, n, start)
    else:
        ips = _core.unpack_v6(buf, n, start)
    return ips, _core.column(buf, 16, n, start), fams


def networks_from_records(buf: bytes, start: int = 0, family: Optional[int] = None) -> list:
    """Network objects of the network records in buf[start:]."""
    n = (len(buf) - start) // _R
    ips, plens, fams = _decode(buf, n, start)
    net4, net6 = _ip._net4, _ip._net6
    with _GCPaused():
        return [net4(ip, plen) if fam == 4 else net6(ip, plen)
                for ip, plen, fam in zip(ips, plens, fams)]


def _zones(buf: bytes, start: int) -> Dict[int, str]:
    zones: Dict[int, str] = {}
    while start < len(buf):
        index, n = _core.ZONE.unpack_from(buf, start)
        start += 8
        zones[index] = bytes(buf[start:start + n]).decode("utf-8", "surrogatepass")
        start += n
    return zones


def _objects(buf: bytes, n: int, mode: int) -> list:
    """The objects parse_many's records describe (zone table after the records)."""
    ips, plens, fams = _decode(buf, n)
    zones = _zones(buf, n * _R) if len(buf) > n * _R else {}
    with _GCPaused():
        if mode <= _core.MODE_IPV6_ADDRESS:
            if fams.count(4) == n:
                return _addresses(ips, 4)
            if fams.count(6) == n and not zones:
                return _addresses(ips, 6)
            addr4, addr6 = _ip._addr4, _ip._addr6
            get = zones.get
            return [addr4(ip) if fam == 4 else addr6(ip, get(i))
                    for i, (ip, fam) in enumerate(zip(ips, fams))]
        if mode <= _core.MODE_IPV6_NETWORK_NONSTRICT:
            net4, net6, get = _ip._net4, _ip._net6, zones.get
            return [net4(ip, plen) if fam == 4 else net6(ip, plen, get(i))
                    for i, (ip, plen, fam) in enumerate(zip(ips, plens, fams))]
        iface4, iface6, get = _ip._iface4, _ip._iface6, zones.get
        return [iface4(ip, plen) if fam == 4 else iface6(ip, plen, get(i))
                for i, (ip, plen, fam) in enumerate(zip(ips, plens, fams))]


def _kind_of(obj: Any) -> Tuple[int, int, int, int]:
    """(value, prefix length, family, flags) of an address, network or interface."""
    if isinstance(obj, _ip._BaseAddress):
        return obj._ip, obj._max_prefixlen, obj._version, _core.F_ADDRESS
    if isinstance(obj, _ip._BaseNetwork):
        return obj.network_address._ip, obj._prefixlen, obj._version, 0
    raise TypeError(f"expected an IP address or network, not {type(obj).__name__}")


def pack(items: list) -> bytes:
    """Records for addresses (flags ADDRESS; interfaces as their address),
    networks and strings (ip_network(s, strict=False), so a bare address is its
    /32 or /128); column-wise when the list holds one exact class."""
    n = len(items)
    if n == 0:
        return b""
    kinds = set(map(type, items))
    if len(kinds) == 1:
        k = kinds.pop()
        if k is _ip.IPv4Network:
            return bytes(_core.pack_v4(map(_NET_IP, items), bytes(map(_PLEN, items)), 0))
        if k is _ip.IPv4Address:
            return bytes(_core.pack_v4(map(_IP, items), b"\x20" * n, _core.F_ADDRESS))
        if k is _ip.IPv6Network:
            return bytes(_core.pack_v6(list(map(_NET_IP, items)), bytes(map(_PLEN, items)), 0))
        if k is _ip.IPv6Address:
            return bytes(_core.pack_v6(list(map(_IP, items)), b"\x80" * n, _core.F_ADDRESS))
        if k is str:
            return _parse_records(items, _core.MODE_NETWORK_NONSTRICT)
    out = bytearray()
    record = _core.record
    for obj in items:
        if type(obj) is str:
            obj = _ip.ip_network(obj, strict=False)
        out += record(*_kind_of(obj))
    return bytes(out)


def _parse_records(strings: List[str], mode: int) -> bytes:
    """The records of strings under one constructor (no objects built)."""
    buf, n = _parse_buffer(strings, mode)
    return bytes(buf[:n * _R])


# ---- parse_many -----------------------------------------------------------------

def _modes() -> Dict[Any, Tuple[int, int]]:
    m = _core
    return {
        _ip.ip_address: (m.MODE_ADDRESS, m.MODE_ADDRESS),
        _ip.IPv4Address: (m.MODE_IPV4_ADDRESS, m.MODE_IPV4_ADDRESS),
        _ip.IPv6Address: (m.MODE_IPV6_ADDRESS, m.MODE_IPV6_ADDRESS),
        _ip.ip_network: (m.MODE_NETWORK, m.MODE_NETWORK_NONSTRICT),
        _ip.IPv4Network: (m.MODE_IPV4_NETWORK, m.MODE_IPV4_NETWORK_NONSTRICT),
        _ip.IPv6Network: (m.MODE_IPV6_NETWORK, m.MODE_IPV6_NETWORK_NONSTRICT),
        _ip.ip_interface: (m.MODE_INTERFACE, m.MODE_INTERFACE),
        _ip.IPv4Interface: (m.MODE_IPV4_INTERFACE, m.MODE_IPV4_INTERFACE),
        _ip.IPv6Interface: (m.MODE_IPV6_INTERFACE, m.MODE_IPV6_INTERFACE),
    }


_MODE_KIND: Dict[int, Any] = {}


def _constructor(mode: int) -> Any:
    if not _MODE_KIND:
        for kind, (strict, loose) in _modes().items():
            _MODE_KIND.setdefault(strict, (kind, True))
            _MODE_KIND.setdefault(loose, (kind, False))
    return _MODE_KIND[mode]


def _parse_buffer(strings: List[str], mode: int) -> Tuple[bytes, int]:
    """(nig_ipaddr_parse_many's buffer, item count); a bad item raises exactly
    what the constructor raises for it."""
    n = len(strings)
    text = "\n".join(strings)
    if text.count("\n") != n - 1:
        raise _Fallback  # an item holds "\n" (valid only inside a scope id)
    try:
        return _core.call("nig_ipaddr_parse_many", text.encode("utf-8", "surrogatepass"), mode), n
    except (ValueError, TypeError) as e:
        err = e
    i = _core.item_index(err)
    if i is None:
        raise err
    kind, strict = _constructor(mode)
    if kind in (_ip.ip_network, _ip.IPv4Network, _ip.IPv6Network):
        kind(strings[i], strict)
    else:
        kind(strings[i])
    raise _core.strip_item(err)


class _Fallback(Exception):
    pass


def parse_many(strings: Iterable[Any], kind: Any = None, strict: bool = True) -> list:
    """``[kind(s) for s in strings]`` in one call into Go.

    kind: ip_address (default), IPv4Address, IPv6Address, ip_network,
    IPv4Network, IPv6Network (with ``strict``), ip_interface, IPv4Interface or
    IPv6Interface. The objects are the standard classes; the first bad item
    raises exactly what ``kind(item)`` raises. Items that are not str go
    through ``kind`` one by one."""
    kind = _ip.ip_address if kind is None else kind
    modes = _modes().get(kind)
    if modes is None:
        raise TypeError(f"parse_many: unsupported kind {kind!r}")
    mode = modes[0] if strict else modes[1]
    items = strings if type(strings) is list else list(strings)
    if not items:
        return []
    networks = mode in (_core.MODE_NETWORK, _core.MODE_NETWORK_NONSTRICT,
                        _core.MODE_IPV4_NETWORK, _core.MODE_IPV4_NETWORK_NONSTRICT,
                        _core.MODE_IPV6_NETWORK, _core.MODE_IPV6_NETWORK_NONSTRICT)
    try:
        buf, n = _parse_buffer(items, mode)
    except (TypeError, _Fallback) as e:
        if isinstance(e, TypeError) and all(type(s) is str for s in items):
            raise
        return [kind(s, strict) if networks else kind(s) for s in items]
    return _objects(buf, n, mode)


# ---- collapse_addresses ---------------------------------------------------------

def collapse(addresses: Iterable[Any]) -> Iterator[Any]:
    items = addresses if type(addresses) is list else list(addresses)
    if not items:
        return iter(())
    scoped: Dict[Tuple[int, int], Any] = {}
    kinds = set(map(type, items))
    if len(kinds) == 1 and kinds & {_ip.IPv4Network, _ip.IPv4Address, _ip.IPv6Address}:
        recs = pack(items)
    elif kinds == {_ip.IPv6Network} and not any(map(_SCOPE, items)):
        recs = pack(items)
    else:
        # CPython's loop: addresses (and full-length networks) and networks are
        # checked separately, each against the previous of its kind, and a
        # mismatch raises at once with both objects' str(); a mismatch between
        # the kinds only surfaces when the result is iterated (Go's message).
        out = bytearray()
        record = _core.record
        last_host = last_net = None
        base_address = _ip._BaseAddress
        for obj in items:
            if isinstance(obj, base_address):
                v = obj._version
                if last_host is not None and last_host._version != v:
                    raise TypeError(f"{obj} and {last_host} are not of the same version")
                last_host = obj
                out += record(obj._ip, obj._max_prefixlen, v, _core.F_ADDRESS)
                continue
            plen, v, na = obj._prefixlen, obj._version, obj.network_address
            if plen == obj._max_prefixlen:
                if last_host is not None and last_host._version != v:
                    raise TypeError(f"{obj} and {last_host} are not of the same version")
                last_host = na
            else:
                if last_net is not None and last_net._version != v:
                    raise TypeError(f"{obj} and {last_net} are not of the same version")
                last_net = obj
                if getattr(na, "_scope_id", None):
                    scoped[(na._ip, plen)] = obj
            out += record(na._ip, plen, v, 0)
        recs = bytes(out)
    try:
        buf = _core.call("nig_ipaddr_collapse", recs)
    except TypeError as e:
        err = TypeError(str(e))
        return _raise_later(err)
    nets = networks_from_records(buf)
    if scoped:
        # CPython yields the given network objects that survive, scope ids included.
        for i, net in enumerate(nets):
            orig = scoped.get((net.network_address._ip, net._prefixlen))
            if orig is not None and orig._version == net._version:
                nets[i] = orig
    return iter(nets)


def _raise_later(exc: BaseException) -> Iterator[Any]:
    raise exc
    yield  # pragma: no cover - makes this a generator


# ---- summarize many ranges -------------------------------------------------------

def summarize_many(ranges: Iterable[Any]) -> List[list]:
    """``[list(summarize_address_range(first, last)) for first, last in ranges]``
    in one call into Go. Items are (first, last) address pairs or IPRange
    objects; the first bad pair raises what summarize_address_range raises."""
    items = list(ranges)
    out = bytearray()
    base = _ip._BaseAddress
    for item in items:
        first, last = (item.first, item.last) if isinstance(item, IPRange) else item
        if not (isinstance(first, base) and isinstance(last, base)) or \
                first.version != last.version or first > last or first.version not in (4, 6):
            list(_ip.summarize_address_range(first, last))  # raises CPython's error
        v = first.version
        width = _ip.IPV4LENGTH if v == 4 else _ip.IPV6LENGTH
        out += _core.record(first._ip, width, v, _core.F_ADDRESS)
        out += _core.record(max(first._ip, last._ip), width, v, _core.F_ADDRESS)
    if not items:
        return []
    buf = _core.call("nig_ipaddr_summarize", bytes(out))
    counts = _core.values(buf, len(items))
    nets = networks_from_records(buf, 4 * len(items))
    res, i = [], 0
    for item, c in zip(items, counts):
        first, last = (item.first, item.last) if isinstance(item, IPRange) else item
        # summarize_address_range yields nothing when an interface sorts "before" first.
        res.append(nets[i:i + c] if first._ip <= last._ip else [])
        i += c
    return res


# ---- handles ---------------------------------------------------------------------

def _close_handle(h: int, pid: int) -> None:
    if os.getpid() != pid:
        return  # a forked child: the handle lives in the parent's library
    try:
        _core._api.nig_close(h)
    except Exception:
        pass


class _Handle:
    """A Go object behind a nig_handle, closed by close(), ``with`` or the GC."""

    __slots__ = ("_h", "_finalizer", "__weakref__")

    def _adopt(self, h: int) -> None:
        self._h = h
        self._finalizer = weakref.finalize(self, _close_handle, h, os.getpid())

    def close(self) -> None:
        """Releases the Go object now; later use raises ValueError."""
        if self._finalizer.detach() is not None:
            _core._api.nig_close(self._h)

    @property
    def closed(self) -> bool:
        return not self._finalizer.alive

    def __enter__(self):
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


# ---- IPRange ---------------------------------------------------------------------

def _as_address(x: Any) -> Any:
    if type(x) in (_ip.IPv4Address, _ip.IPv6Address):
        return x
    if isinstance(x, _ip._BaseAddress):
        return _ip._addr4(x._ip) if x._version == 4 else _ip._addr6(x._ip)
    return _ip.ip_address(x)


class IPRange:
    """An inclusive range of addresses of one version (netaddr's IPRange):
    ``IPRange('192.0.2.10', '192.0.2.20')``; scope ids are dropped."""

    __slots__ = ("_first", "_last", "__weakref__")

    def __init__(self, start: Any, end: Any):
        first, last = _as_address(start), _as_address(end)
        if first._version != last._version:
            raise TypeError(f"{first} and {last} are not of the same version")
        if first._ip > last._ip:
            raise ValueError("last IP address must be greater than first")
        self._first = first if first._version == 4 or first._scope_id is None else _ip._addr6(first._ip)
        self._last = last if last._version == 4 or last._scope_id is None else _ip._addr6(last._ip)

    @property
    def first(self) -> Any:
        """The first address (an address object; netaddr gives an int here)."""
        return self._first

    @property
    def last(self) -> Any:
        """The last address, included."""
        return self._last

    start, end = first, last

    @property
    def version(self) -> int:
        return self._first._version

    @property
    def size(self) -> int:
        """Number of addresses."""
        return self._last._ip - self._first._ip + 1

    def __len__(self) -> int:
        return self.size

    def cidrs(self) -> list:
        """The fewest networks covering the range (summarize_address_range, in Go)."""
        v = self._first._version
        width = _ip.IPV4LENGTH if v == 4 else _ip.IPV6LENGTH
        pairs = (_core.record(self._first._ip, width, v, _core.F_ADDRESS) +
                 _core.record(self._last._ip, width, v, _core.F_ADDRESS))
        return networks_from_records(_core.call("nig_ipaddr_summarize", pairs), 4)

    def __contains__(self, other: Any) -> bool:
        if isinstance(other, IPRange):
            lo, hi, v = other._first._ip, other._last._ip, other.version
        elif isinstance(other, _ip._BaseNetwork):
            lo, hi, v = int(other.network_address), int(other.broadcast_address), other._version
        elif isinstance(other, _ip._BaseAddress):
            lo = hi = other._ip
            v = other._version
        else:
            return False
        return v == self._first._version and self._first._ip <= lo and hi <= self._last._ip

    def __iter__(self) -> Iterator[Any]:
        make = self._first._from_int
        for x in range(self._first._ip, self._last._ip + 1):
            yield make(x)

    def __eq__(self, other: Any) -> bool:
        if not isinstance(other, IPRange):
            return NotImplemented
        return self._key() == other._key()

    def __lt__(self, other: Any) -> bool:
        if not isinstance(other, IPRange):
            return NotImplemented
        return self._key() < other._key()

    def _key(self) -> Tuple[int, int, int]:
        return self._first._version, self._first._ip, self._last._ip

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"IPRange('{self._first}', '{self._last}')"

    def __str__(self) -> str:
        return f"{self._first}-{self._last}"

    def __reduce__(self):
        return IPRange, (str(self._first), str(self._last))


def _range_records(ranges: List[IPRange]) -> bytes:
    out = bytearray()
    for r in ranges:
        v = r.version
        width = _ip.IPV4LENGTH if v == 4 else _ip.IPV6LENGTH
        out += _core.record(r._first._ip, width, v, _core.F_ADDRESS)
        out += _core.record(r._last._ip, width, v, _core.F_ADDRESS)
    return bytes(out)


# ---- IPSet -----------------------------------------------------------------------

# nig_ipset_* operation codes.
_ADD, _REMOVE, _ADD_RANGES, _REMOVE_RANGES = 0, 1, 2, 3
_UNION, _INTERSECTION, _DIFFERENCE, _SYMMETRIC = 0, 1, 2, 3


def _split_items(items: Iterable[Any]) -> Tuple[bytes, bytes]:
    """(records, range pairs) of addresses, networks, interfaces, IPRanges and
    strings (parsed as ip_network(s, strict=False))."""
    items = items if type(items) is list else list(items)
    ranges = [x for x in items if isinstance(x, IPRange)]
    if ranges:
        items = [x for x in items if not isinstance(x, IPRange)]
    return pack(items) if items else b"", _range_records(ranges)


class IPSet(_Handle):
    """A mutable set of IPv4 and IPv6 addresses kept as ranges in Go (netaddr's
    IPSet): add, remove, union (|), intersection (&), difference (-),
    symmetric_difference (^), ``in``, iter_cidrs(), iter_ipranges(), size.

    Members may be given as addresses, networks (host bits ignored),
    interfaces (their address), IPRange objects or strings (networks or
    addresses). Release the Go object with close() or ``with``; the GC does it
    otherwise."""

    __slots__ = ()

    def __init__(self, iterable: Optional[Iterable[Any]] = None):
        self._adopt(_core.call("nig_ipset_new"))
        if iterable is not None:
            self.update(iterable)

    @classmethod
    def _from_handle(cls, h: int) -> "IPSet":
        s = cls.__new__(cls)
        s._adopt(h)
        return s

    def _change(self, items: Iterable[Any], op: int, range_op: int) -> None:
        recs, pairs = _split_items(items)
        if recs:
            _core.call("nig_ipset_update", self._h, op, recs)
        if pairs:
            _core.call("nig_ipset_update", self._h, range_op, pairs)

    def add(self, item: Any) -> None:
        """Adds an address, network, interface, IPRange or string."""
        self._change([item], _ADD, _ADD_RANGES)

    def update(self, iterable: Iterable[Any]) -> None:
        """Adds every item (one call for a list of one class)."""
        if isinstance(iterable, IPSet):
            self._replace(_UNION, iterable)
            return
        self._change(iterable, _ADD, _ADD_RANGES)

    def remove(self, item: Any) -> None:
        """Removes the addresses of item (absent addresses are ignored)."""
        self._change([item], _REMOVE, _REMOVE_RANGES)

    discard = remove

    def difference_update(self, iterable: Iterable[Any]) -> None:
        if isinstance(iterable, IPSet):
            self._replace(_DIFFERENCE, iterable)
            return
        self._change(iterable, _REMOVE, _REMOVE_RANGES)

    def _replace(self, op: int, other: "IPSet") -> None:
        h = _core.call("nig_ipset_combine", self._h, other._h, op)
        old = self._h
        self._finalizer.detach()
        self._adopt(h)
        _core._api.nig_close(old)

    def clear(self) -> None:
        self._replace(_INTERSECTION, IPSet())

    def copy(self) -> "IPSet":
        return IPSet._from_handle(_core.call("nig_ipset_combine", self._h, self._h, _UNION))

    def _combine(self, other: Any, op: int) -> "IPSet":
        if not isinstance(other, IPSet):
            other = IPSet(other)
        return IPSet._from_handle(_core.call("nig_ipset_combine", self._h, other._h, op))

    def union(self, other: Any) -> "IPSet":
        return self._combine(other, _UNION)

    def intersection(self, other: Any) -> "IPSet":
        return self._combine(other, _INTERSECTION)

    def difference(self, other: Any) -> "IPSet":
        return self._combine(other, _DIFFERENCE)

    def symmetric_difference(self, other: Any) -> "IPSet":
        return self._combine(other, _SYMMETRIC)

    def _binop(op: int):  # noqa: N805 - builds the operator methods below
        def method(self, other):
            if not isinstance(other, IPSet):
                return NotImplemented
            return self._combine(other, op)
        return method

    __or__ = _binop(_UNION)
    __and__ = _binop(_INTERSECTION)
    __sub__ = _binop(_DIFFERENCE)
    __xor__ = _binop(_SYMMETRIC)
    del _binop

    def contains_many(self, items: Iterable[Any]) -> List[bool]:
        """``[x in self for x in items]`` in one call."""
        items = items if type(items) is list else list(items)
        if not items:
            return []
        res = _core.call("nig_ipset_contains", self._h, pack(items))
        return [b == 1 for b in res]

    def __contains__(self, item: Any) -> bool:
        if isinstance(item, IPRange):
            return all(self.contains_many(item.cidrs()))
        if type(item) is str:
            item = _ip.ip_network(item, strict=False) if "/" in item else _ip.ip_address(item)
        return self.contains_many([item])[0]

    def _export(self, what: int) -> bytes:
        return _core.call("nig_ipset_export", self._h, what)

    def iter_cidrs(self) -> list:
        """The fewest networks holding the set, IPv4 first, ascending."""
        return networks_from_records(self._export(0))

    def iter_ipranges(self) -> list:
        """The set as maximal IPRanges."""
        buf = self._export(1)
        n = len(buf) // _R
        ips, _, fams = _decode(buf, n)
        make4, make6 = _ip._addr4, _ip._addr6
        out = []
        for i in range(0, n, 2):
            mk = make4 if fams[i] == 4 else make6
            out.append(IPRange(mk(ips[i]), mk(ips[i + 1])))
        return out

    def _info(self) -> Dict[str, Any]:
        return json.loads(_core.call("nig_ipset_info", self._h))

    @property
    def size(self) -> int:
        """Number of addresses."""
        return int(self._info()["size"])

    def __len__(self) -> int:
        size = self.size
        if size > sys.maxsize:
            raise IndexError(f"range contains more than {sys.maxsize} (sys.maxsize) "
                             "IP addresses! Use the .size property instead.")
        return size

    def __bool__(self) -> bool:
        return self._info()["size"] != "0"

    def __iter__(self) -> Iterator[Any]:
        for net in self.iter_cidrs():
            yield from net

    def __eq__(self, other: Any) -> bool:
        if not isinstance(other, IPSet):
            return NotImplemented
        return self._export(1) == other._export(1)

    __hash__ = None  # type: ignore[assignment]  # mutable

    def issubset(self, other: "IPSet") -> bool:
        return not self.difference(other)

    def issuperset(self, other: "IPSet") -> bool:
        if not isinstance(other, IPSet):
            other = IPSet(other)
        return not other.difference(self)

    def isdisjoint(self, other: "IPSet") -> bool:
        return not self.intersection(other)

    __le__ = issubset
    __ge__ = issuperset

    def __repr__(self) -> str:
        if self.closed:
            return "IPSet(<closed>)"
        return "IPSet(%r)" % [str(n) for n in self.iter_cidrs()]

    def __reduce__(self):
        return IPSet, ([str(n) for n in self.iter_cidrs()],)


# ---- PrefixTable -------------------------------------------------------------------

_LONGEST, _EXACT = 0, 1


def _prefix_records(prefixes: list) -> bytes:
    """Network records: networks, strings (ip_network(s, strict=False)),
    addresses (their /32 or /128) and interfaces (their network)."""
    kinds = set(map(type, prefixes))
    if len(kinds) == 1 and kinds <= {_ip.IPv4Network, _ip.IPv6Network}:
        return pack(prefixes)
    if kinds == {str}:
        return _parse_records(prefixes, _core.MODE_NETWORK_NONSTRICT)
    out = bytearray()
    for p in prefixes:
        if type(p) is str:
            p = _ip.ip_network(p, strict=False)
        elif isinstance(p, (_ip.IPv4Interface, _ip.IPv6Interface)):
            p = p.network
        ip, plen, v, _ = _kind_of(p)
        out += _core.record(ip, plen, v, 0)
    return bytes(out)


def _columns(buf: bytes, n: int) -> Tuple[bytes, array]:
    """(n records, n uint32 values) of a columnar prefix-table result."""
    return buf[:_R * n], _core.values(buf, n, _R * n)


class PrefixTable(_Handle):
    """Longest-prefix match: networks map to Python values (kept here; Go keeps
    an index). ``t[net] = value``, ``t.lookup(address) -> (network, value)``,
    ``t.lookup_values(addresses)`` for many at once. Keys may be networks,
    strings (host bits ignored), addresses (/32, /128) or interfaces (their
    network); scope ids are ignored."""

    __slots__ = ("_values", "_free", "_count")

    def __init__(self, items: Any = None):
        self._adopt(_core.call("nig_prefixtable_new"))
        self._values: List[Any] = []
        self._free: List[int] = []
        self._count = 0
        if items is not None:
            self.update(items)

    def _slots(self, vals: List[Any]) -> array:
        """Indexes for new values: freed slots first, then the end of the list."""
        free, values = self._free, self._values
        k = min(len(free), len(vals))
        idx = array("I", free[len(free) - k:])
        del free[len(free) - k:]
        for i, v in zip(idx, vals):
            values[i] = v
        start = len(values)
        if start + len(vals) - k >= _core.NONE_VALUE:
            raise OverflowError("PrefixTable: too many values")
        values.extend(vals[k:])
        idx.extend(range(start, start + len(vals) - k))
        return idx

    def _free_slots(self, idx: Iterable[int]) -> None:
        values, free = self._values, self._free
        for i in idx:
            values[i] = None
            free.append(i)

    def update(self, items: Any) -> None:
        """Inserts (prefix, value) pairs, or a mapping's items, in one call."""
        if hasattr(items, "keys"):
            prefixes, vals = list(items.keys()), list(items.values())
        else:
            pairs = items if type(items) is list else list(items)
            prefixes = list(map(operator.itemgetter(0), pairs))
            vals = list(map(operator.itemgetter(1), pairs))
        if not prefixes:
            return
        recs = _prefix_records(prefixes)
        slots = self._slots(vals)
        try:
            buf = _core.call("nig_prefixtable_insert", self._h, recs, slots.tobytes())
        except BaseException:
            self._free_slots(slots)
            raise
        prev = _core.values(buf, len(prefixes))
        fresh = prev.count(_core.NONE_VALUE)
        self._count += fresh
        if fresh != len(prev):
            self._free_slots(i for i in prev if i != _core.NONE_VALUE)

    def insert(self, prefix: Any, value: Any) -> None:
        self.update([(prefix, value)])

    __setitem__ = insert

    def _lookup(self, what: int, items: list, as_prefix: bool) -> bytes:
        recs = _prefix_records(items) if as_prefix else pack(items)
        return _core.call("nig_prefixtable_lookup", self._h, what, recs)

    def _exact(self, prefix: Any) -> int:
        return _columns(self._lookup(_EXACT, [prefix], True), 1)[1][0]

    def get(self, prefix: Any, default: Any = None) -> Any:
        """The value stored for exactly this prefix."""
        v = self._exact(prefix)
        return default if v == _core.NONE_VALUE else self._values[v]

    def __getitem__(self, prefix: Any) -> Any:
        v = self._exact(prefix)
        if v == _core.NONE_VALUE:
            raise KeyError(prefix)
        return self._values[v]

    def __contains__(self, prefix: Any) -> bool:
        return self._exact(prefix) != _core.NONE_VALUE

    def delete(self, prefixes: Iterable[Any]) -> int:
        """Removes prefixes (absent ones are ignored); returns how many were there."""
        prefixes = list(prefixes)
        if not prefixes:
            return 0
        prev = _core.values(_core.call("nig_prefixtable_delete", self._h,
                                       _prefix_records(prefixes)), len(prefixes))
        gone = [i for i in prev if i != _core.NONE_VALUE]
        self._free_slots(gone)
        self._count -= len(gone)
        return len(gone)

    def __delitem__(self, prefix: Any) -> None:
        if not self.delete([prefix]):
            raise KeyError(prefix)

    def pop(self, prefix: Any, *default: Any) -> Any:
        try:
            value = self[prefix]
        except KeyError:
            if default:
                return default[0]
            raise
        del self[prefix]
        return value

    def lookup(self, address: Any) -> Optional[Tuple[Any, Any]]:
        """(longest stored network containing address, its value), or None.
        A network argument matches the longest network containing all of it."""
        if type(address) is str:
            address = _ip.ip_network(address, strict=False) if "/" in address \
                else _ip.ip_address(address)
        return self.lookup_many([address])[0]

    def lookup_many(self, addresses: Iterable[Any]) -> List[Optional[Tuple[Any, Any]]]:
        """lookup() of many addresses (or networks) in one call."""
        items = addresses if type(addresses) is list else list(addresses)
        if not items:
            return []
        n = len(items)
        recs, vals = _columns(self._lookup(_LONGEST, items, False), n)
        found = [i for i, v in enumerate(vals) if v != _core.NONE_VALUE]
        out: List[Optional[Tuple[Any, Any]]] = [None] * n
        if found:
            keep = bytearray()
            for i in found:
                keep += recs[i * _R:(i + 1) * _R]
            nets = networks_from_records(bytes(keep))
            values = self._values
            for i, net in zip(found, nets):
                out[i] = (net, values[vals[i]])
        return out

    def lookup_values(self, addresses: Iterable[Any], default: Any = None) -> list:
        """The value of the longest match of each address (default if none),
        without building network objects: the fast bulk lookup."""
        items = addresses if type(addresses) is list else list(addresses)
        if not items:
            return []
        vals = _columns(self._lookup(_LONGEST, items, False), len(items))[1]
        values, none = self._values, _core.NONE_VALUE
        if none not in vals:
            return list(map(values.__getitem__, vals))
        return [default if v == none else values[v] for v in vals]

    def items(self) -> List[Tuple[Any, Any]]:
        """Every (network, value), IPv4 first, in network order."""
        buf = _core.call("nig_prefixtable_entries", self._h)
        n = len(buf) // (_R + 4)
        if not n:
            return []
        recs, vals = _columns(buf, n)
        values = self._values
        return [(net, values[v]) for net, v in zip(networks_from_records(recs), vals)]

    def keys(self) -> list:
        return [net for net, _ in self.items()]

    def values(self) -> list:
        return [v for _, v in self.items()]

    def __iter__(self) -> Iterator[Any]:
        return iter(self.keys())

    def __len__(self) -> int:
        return self._count

    def __repr__(self) -> str:
        if self.closed:
            return "PrefixTable(<closed>)"
        return f"<PrefixTable with {self._count} prefixes>"
