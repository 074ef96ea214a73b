"""The netifaces 0.11.0 API (and what netifaces never had), over the Go core.

Every rule of netifaces' output lives in the Go core (core/ifenum); this module
checks arguments exactly as netifaces' C functions do, passes the options JSON,
and turns the library's JSON into netifaces' Python objects: int keys, tuples,
and interface names decoded with surrogateescape (os.fsdecode style) so that a
non-UTF-8 name round-trips through ifaddresses().

Importing this module does not load the library; the first call does.
"""
from __future__ import annotations

import json as _json
import os as _os
from typing import Any, Dict, List, Optional, Tuple, Union

from . import _errors
from ._ffi import api as _api

# ---- constants ----------------------------------------------------------------
# netifaces 0.11.0's module attributes on Linux/glibc (spec §2): 30 names, plain
# ints. They are fixed kernel ABI, so they are spelled out here and importing the
# package stays free; ci/pytest checks them against the library and the real module.
AF_UNSPEC = 0
AF_UNIX = 1
AF_FILE = 1
AF_INET = 2
AF_AX25 = 3
AF_SNA = 22
AF_DECnet = 12
AF_APPLETALK = 5
AF_ROUTE = 16
AF_LINK = 17
AF_PACKET = 17
AF_IPX = 4
AF_ISDN = 34
AF_INET6 = 10
AF_NETBEUI = 13
AF_ATMPVC = 8
AF_ATMSVC = 20
AF_IRDA = 23
AF_NETROM = 6
AF_BRIDGE = 7
AF_X25 = 9
AF_ROSE = 11
AF_SECURITY = 14
AF_KEY = 15
AF_NETLINK = 16
AF_ASH = 18
AF_ECONET = 19
AF_PPPOX = 24
AF_WANPIPE = 25
AF_BLUETOOTH = 31

#: value -> name, in netifaces' insertion order (an alias keeps the first key's
#: position and the last name written): 27 entries.
address_families: Dict[int, str] = {
    0: "AF_UNSPEC", 1: "AF_FILE", 2: "AF_INET", 3: "AF_AX25", 22: "AF_SNA",
    12: "AF_DECnet", 5: "AF_APPLETALK", 16: "AF_NETLINK", 17: "AF_PACKET", 4: "AF_IPX",
    34: "AF_ISDN", 10: "AF_INET6", 13: "AF_NETBEUI", 8: "AF_ATMPVC", 20: "AF_ATMSVC",
    23: "AF_IRDA", 6: "AF_NETROM", 7: "AF_BRIDGE", 9: "AF_X25", 11: "AF_ROSE",
    14: "AF_SECURITY", 15: "AF_KEY", 18: "AF_ASH", 19: "AF_ECONET", 24: "AF_PPPOX",
    25: "AF_WANPIPE", 31: "AF_BLUETOOTH",
}

AF_NAMES: Tuple[str, ...] = (
    "AF_UNSPEC", "AF_UNIX", "AF_FILE", "AF_INET", "AF_AX25", "AF_SNA", "AF_DECnet",
    "AF_APPLETALK", "AF_ROUTE", "AF_LINK", "AF_PACKET", "AF_IPX", "AF_ISDN", "AF_INET6",
    "AF_NETBEUI", "AF_ATMPVC", "AF_ATMSVC", "AF_IRDA", "AF_NETROM", "AF_BRIDGE", "AF_X25",
    "AF_ROSE", "AF_SECURITY", "AF_KEY", "AF_NETLINK", "AF_ASH", "AF_ECONET", "AF_PPPOX",
    "AF_WANPIPE", "AF_BLUETOOTH",
)

# The library reports these kinds; map them to the classes netifaces users catch.
_errors.register_kind(
    "OSError", lambda code, en, msg: OSError(en, msg) if en else OSError(msg))
_errors.register_kind("NotImplementedError", lambda code, en, msg: NotImplementedError(msg))

NetNS = Union[str, bytes, "_os.PathLike[str]", "_os.PathLike[bytes]", int, Any]

# ---- helpers ------------------------------------------------------------------

_loads = _json.JSONDecoder().decode
_HEAPTYPE = 1 << 9  # Py_TPFLAGS_HEAPTYPE


def _tp_name(obj: Any) -> str:
    """The type name CPython's argument parser prints ("None" for None): tp_name,
    which is module-qualified for static types outside builtins."""
    if obj is None:
        return "None"
    t = type(obj)
    if t.__flags__ & _HEAPTYPE or t.__module__ == "builtins":
        return t.__name__
    return f"{t.__module__}.{t.__name__}"


_options_cache: Dict[Any, bytes] = {}


def _options(netns: Any) -> Optional[bytes]:
    """The options JSON for netns= (None: the calling thread's namespace)."""
    if netns is None:
        return None
    if isinstance(netns, str):
        cached = _options_cache.get(netns)
        if cached is None:
            cached = _json.dumps({"netns": netns}).encode()
            if len(_options_cache) < 64:
                _options_cache[netns] = cached
        return cached
    if isinstance(netns, bool):
        raise TypeError("netns must be a namespace name or path (str, bytes, os.PathLike) "
                        "or an open file descriptor (int), not bool")
    if isinstance(netns, int):
        if netns < 1 or netns > 0x7FFFFFFF:
            raise ValueError(f"netns: {netns} is not a valid file descriptor")
        return b'{"netns":%d}' % netns
    if isinstance(netns, (bytes, _os.PathLike)):
        path = _os.fspath(netns)
        if isinstance(path, bytes):  # the library's JSON convention, whatever the locale
            path = path.decode("utf-8", "surrogateescape")
        return _options(path)
    fileno = getattr(netns, "fileno", None)
    if callable(fileno):
        return _options(fileno())
    raise TypeError("netns must be a namespace name or path (str, bytes, os.PathLike) "
                    f"or an open file descriptor (int), not {_tp_name(netns)}")


def _kw_netns(kwargs: Dict[str, Any], no_keywords: str) -> Optional[bytes]:
    """Pops netns= and refuses every other keyword with netifaces' message."""
    netns = kwargs.pop("netns", None)
    if kwargs:
        raise TypeError(no_keywords)
    return _options(netns)


def _encode_name(name: str) -> bytes:
    # Surrogateescape gives the raw bytes of a name interfaces() decoded; other
    # lone surrogates raise the same UnicodeEncodeError as netifaces' "s" format.
    b = str.encode(name, "utf-8", "surrogateescape")  # a subclass's encode() is not consulted
    if b"\x00" in b:
        raise ValueError("embedded null character")
    return b


def _gateways_from(d: Dict[str, Any]) -> Dict[Any, Any]:
    out: Dict[Any, Any] = {"default": {int(k): tuple(v) for k, v in d.pop("default").items()}}
    for k, v in d.items():
        out[int(k)] = [tuple(g) for g in v]
    return out


# ---- netifaces 0.11.0 ---------------------------------------------------------

def interfaces(*args: Any, **kwargs: Any) -> List[str]:
    if kwargs:
        opts = _kw_netns(kwargs, "netifaces.interfaces() takes no keyword arguments")
    else:
        opts = None
    if args:
        raise TypeError(f"netifaces.interfaces() takes no arguments ({len(args)} given)")
    return _loads(_api.nig_ifenum_interfaces(opts).decode())


interfaces.__doc__ = """Obtain a list of the interfaces available on this machine.

netifaces_go: netns= selects a network namespace (a name under /run/netns, a
path, or an open file descriptor); names that are not valid UTF-8 are decoded
with surrogateescape (os.fsdecode)."""


def ifaddresses(*args: Any, **kwargs: Any) -> Dict[int, List[Dict[str, str]]]:
    if kwargs:
        opts = _kw_netns(kwargs, "ifaddresses() takes no keyword arguments")
    else:
        opts = None
    if len(args) != 1:
        raise TypeError(f"function takes exactly 1 argument ({len(args)} given)")
    name = args[0]
    if not isinstance(name, str):
        raise TypeError(f"argument 1 must be str, not {_tp_name(name)}")
    data = _api.nig_ifenum_ifaddresses(_encode_name(name), opts)
    return {int(k): v for k, v in _loads(data.decode()).items()}


ifaddresses.__doc__ = """Obtain information about the specified network interface.

Returns a dict whose keys are equal to the address family constants,
e.g. netifaces.AF_INET, and whose values are a list of addresses in
that family that are attached to the network interface.

netifaces_go: netns= selects a network namespace (a name under /run/netns, a
path, or an open file descriptor). Names returned by interfaces() for links
whose name is not valid UTF-8 are accepted back (surrogateescape)."""


def gateways(*args: Any, **kwargs: Any) -> Dict[Any, Any]:
    if kwargs:
        opts = _kw_netns(kwargs, "netifaces.gateways() takes no keyword arguments")
    else:
        opts = None
    if args:
        raise TypeError(f"netifaces.gateways() takes no arguments ({len(args)} given)")
    return _gateways_from(_loads(_api.nig_ifenum_gateways(opts).decode()))


gateways.__doc__ = """Obtain a list of the gateways on this machine.

Returns a dict whose keys are equal to the address family constants,
e.g. netifaces.AF_INET, and whose values are a list of tuples of the
format (<address>, <interface>, <is_default>).

There is also a special entry with the key 'default', which you can use
to quickly obtain the default gateway for a particular address family.

There may in general be multiple gateways; different address
families may have different gateway settings (e.g. AF_INET vs AF_INET6)
and on some systems it's also possible to have interface-specific
default gateways.

netifaces_go: bug-compatible with netifaces 0.11.0 (see default_gateway() for
the route the kernel actually uses). netns= selects a network namespace.
"""


# ---- beyond netifaces -----------------------------------------------------------

def allifaddresses(*, netns: NetNS = None) -> Dict[str, Dict[int, List[Dict[str, str]]]]:
    """Every interface's addresses at once: ``{name: ifaddresses(name)}`` for every
    name of interfaces(), in that order (IPv4 labels such as ``v0:1`` included).

    Differences from looping over ifaddresses(): one consistent snapshot (one link
    dump and one address dump) instead of one full dump per interface, so it is
    O(links + addresses) where the loop is quadratic and can see interfaces
    appear or vanish between calls. netns= as for interfaces()."""
    data = _loads(_api.nig_ifenum_allifaddresses(_options(netns)).decode())
    return {name: {int(k): v for k, v in fams.items()} for name, fams in data.items()}


def interface_details(name: Union[str, bytes, None] = None, *,
                      netns: NetNS = None) -> Union[Dict[str, Any], List[Dict[str, Any]]]:
    """Everything the kernel reports about a link (netifaces has no equivalent).

    With a name (a link name or altname; str, surrogateescape for non-UTF-8, or
    bytes) returns one dict; with None, a list with one dict per link in kernel
    order. Keys: index, name, altnames, ifalias, kind, slave_kind, type,
    type_name, flags, flag_names, operstate, carrier, mtu, master, master_name,
    parent, parent_name, parent_netns, address, broadcast, perm_address, qdisc,
    txqlen, stats64 and addresses (family, address, prefixlen, peer, broadcast,
    label, scope, flags, preferred_lft, valid_lft; lifetimes in seconds,
    4294967295 meaning forever).

    Differences from ifaddresses(): IPv4 labels (``v0:1``) are not links and
    raise ValueError; altnames are accepted; addresses carry prefix lengths,
    scope and flags instead of netifaces' netmask strings, and link-local IPv6
    addresses have no ``%ifname`` suffix. Unknown names raise
    ValueError('You must specify a valid interface name.')."""
    if name is None:
        raw = None
    elif isinstance(name, str):
        raw = _encode_name(name)
    elif isinstance(name, bytes):
        raw = name
        if b"\x00" in raw:
            raise ValueError("embedded null character")
    else:
        raise TypeError(f"name must be str, bytes or None, not {_tp_name(name)}")
    return _loads(_api.nig_ifenum_interface_details(raw, _options(netns)).decode())


def default_gateway(family: int = AF_INET, *, netns: NetNS = None) -> Optional[Dict[str, Any]]:
    """The default route the kernel uses for family (AF_INET or AF_INET6), or None.

    Returns ``{'family', 'table', 'metric', 'type', 'protocol', 'prefsrc', 'nhid',
    'nexthops': [{'gateway', 'ifname', 'ifindex', 'weight', 'flags'}]}``.

    Differences from gateways()['default'][family]:
      * only the main routing table counts: a policy table (e.g. table 100 with a
        lower metric) never hides or replaces the main default;
      * the lowest metric wins, compared as the kernel does (unsigned);
      * only true defaults (prefix length 0): 0.0.0.0/1 is not a default;
      * ECMP defaults are reported with every live next hop and its weight
        (gateways() drops them);
      * gateway-less defaults (``default dev wg0``) are reported with gateway
        None, and blackhole/unreachable/prohibit defaults with no next hops
        (gateways() drops them); routes whose next hops are all dead are skipped;
      * the result is a dict, not a (gateway, interface) tuple.
    IPv6 link-local gateways have no ``%ifname`` suffix, as in gateways().
    Other families raise ValueError. netns= as for interfaces()."""
    if isinstance(family, bool) or not isinstance(family, int):
        raise TypeError(f"family must be an int, not {_tp_name(family)}")
    if not -0x80000000 <= family <= 0x7FFFFFFF:
        raise ValueError(f"unsupported address family {family} (want 2 or 10)")
    # int(): an IntEnum such as socket.AF_INET6 must also cross to a forked
    # child's helper process, whose transport (marshal) takes plain ints only.
    return _loads(_api.nig_ifenum_default_gateway(int(family), _options(netns)).decode())


__all__ = list(AF_NAMES) + [
    "address_families", "interfaces", "ifaddresses", "gateways",
    "allifaddresses", "interface_details", "default_gateway",
]
