"""pyroute2-shaped messages, built lazily from the library's JSON Lines.

A message is a ``dict`` subclass: the fixed-header fields are keys, ``'attrs'``
is an ordered list of ``(NAME, value)`` tuples (names may repeat), nested
attributes are dict-like :class:`nla` objects with their own ``'attrs'``, and
``'header'``/``'event'`` (plus ``'state'`` for links) complete it, as in
pyroute2.

Dumps return one light object per kernel message holding its JSON text; the
first access of any kind (``msg['index']``, ``len(msg)``, ``get_attr``,
``json.dumps(msg)``, ``==``...) parses it and the object turns into its plain
class for good, so later accesses cost what a ``dict`` costs.
"""
from __future__ import annotations

import collections
import json
import marshal
import threading

__all__ = [
    "nlmsg_base", "nlmsg", "nla", "ifinfmsg", "ifaddrmsg", "rtmsg", "ndmsg", "fibmsg",
    "nlmsgerr", "Stats", "class_for_event", "lazy", "materialise",
]

#: pyroute2 puts this record into every header.
Stats = collections.namedtuple("Stats", ["qsize", "delta", "delay"])
_STATS0 = Stats(0, 0, 0)

_loads = json.loads
_mloads = marshal.loads


class nlmsg_base(dict):
    """Accessors shared by messages and nested attributes (pyroute2 0.9)."""

    __slots__ = ("_raw",)
    #: NLA name prefix ('IFLA_', 'RTA_', ...); None when unknown.
    prefix = None

    @classmethod
    def name2nla(cls, name):
        """'address' -> 'IFLA_ADDRESS' (pyroute2's rule: upper-case, add the
        prefix unless the name already contains it)."""
        name = name.upper()
        if cls.prefix and name.find(cls.prefix) == -1:
            name = cls.prefix + name
        return name

    @classmethod
    def nla2name(cls, name):
        """'IFLA_ADDRESS' -> 'address'."""
        p = cls.prefix or ""
        return name[(name.find(p) + 1) * len(p):].lower() if p else name.lower()

    def _resolve(self, attr):
        return self.name2nla(attr) if self.prefix is not None else attr

    def get_attrs(self, attr):
        """Values of every attribute called attr (short names allowed)."""
        attr = self._resolve(attr)
        return [v for n, v in self.get_list("attrs") if n == attr]

    def get_attr(self, attr, default=None):
        """Value of the first attribute called attr, or default."""
        p = self.prefix
        if not (p and attr.startswith(p) and attr.isupper()):  # a full name resolves to itself
            attr = self._resolve(attr)
        for n, v in self.get_list("attrs"):
            if n == attr:
                return v
        return default

    def get_list(self, key):
        v = dict.get(self, key)
        return v if v is not None else ()

    def get_nested(self, *keys):
        """Follow attribute names (or field names) through nested
        attributes: get_nested('IFLA_LINKINFO', 'IFLA_INFO_KIND')."""
        pointer = self
        for key in keys:
            if isinstance(pointer, nlmsg_base):
                value = pointer.get_attr(pointer._nested_name(key))
                if value is None and dict.__contains__(pointer, key):
                    value = dict.__getitem__(pointer, key)
                pointer = value
            elif isinstance(pointer, dict):
                pointer = pointer.get(key)
            else:
                return None
        return pointer

    def _nested_name(self, key):
        return self.name2nla(key) if self.prefix is not None else key.upper()

    def get(self, key, default=None):
        """pyroute2 0.9's universal get(): 'ifname' finds IFLA_IFNAME, a
        field name finds the field, a tuple is a path of such names."""
        if isinstance(key, str):
            key = (key,)
        ret = self.get_nested(*key)
        return default if ret is None else ret

    def getvalue(self):
        return self


class nla(nlmsg_base):
    """A nested attribute: {'attrs': [(NAME, value), ...]} plus, for
    multipath hops, the rtnexthop fields."""

    __slots__ = ()

    def _resolve(self, attr):
        if self.prefix is not None:
            return self.name2nla(attr)
        return _match_suffix(self.get_list("attrs"), attr)


def _match_suffix(attrs, key):
    """Name resolution for nested sets whose pyroute2 prefix is not known:
    the exact name, the upper-cased name, else the first attribute whose name
    ends with '_' + KEY ('kind' -> IFLA_INFO_KIND, before IFLA_INFO_SLAVE_KIND)."""
    names = [n for n, _ in attrs]
    if key in names:
        return key
    up = key.upper()
    if up in names:
        return up
    tail = "_" + up
    best = None
    for n in names:
        if n.endswith(tail) and (best is None or len(n) < len(best)):
            best = n
    return best if best is not None else up


def _nla_class(attr, prefix):
    # A module-level name per class keeps the messages picklable.
    name = "nla_" + attr
    cls = type(name, (nla,), {"__slots__": (), "prefix": prefix, "__module__": __name__})
    globals()[name] = cls
    return cls


# pyroute2's prefixes of the nested sets users address with short names.
_NESTED = {name: _nla_class(name, prefix) for name, prefix in {
    "IFLA_LINKINFO": "IFLA_INFO_",
    "IFLA_INFO_DATA": "IFLA_",
    "IFLA_INFO_SLAVE_DATA": "IFLA_",
    "IFLA_XDP": "IFLA_XDP_",
    "IFLA_PROP_LIST": "IFLA_",
    "IFLA_PROTINFO": "IFLA_BRPORT_",
    "AF_INET6": "IFLA_INET6_",
    "RTA_METRICS": "RTAX_",
    "RTA_MULTIPATH": "RTA_",
    "NDA_CACHEINFO": None,
}.items()}
_NLA_DEFAULT = nla


def _attrs(pairs):
    """[[NAME, value], ...] from JSON -> [(NAME, value), ...] with nested sets
    wrapped in nla objects."""
    out = []
    append = out.append
    for name, value in pairs:
        t = type(value)
        if t is dict:
            if "attrs" in value:
                value = _wrap(_NESTED.get(name, _NLA_DEFAULT), value)
        elif t is list and value and type(value[0]) is dict and "attrs" in value[0]:
            cls = _NESTED.get(name, _NLA_DEFAULT)
            value = [_wrap(cls, v) for v in value]  # RTA_MULTIPATH hops
        append((name, value))
    return out


def _wrap(cls, d):
    obj = cls(d)
    dict.__setitem__(obj, "attrs", _attrs(d["attrs"]))
    return obj


# ---- messages ---------------------------------------------------------------

class nlmsg(nlmsg_base):
    """A netlink message. ``msg['header']`` is the nlmsghdr."""

    __slots__ = ()


class ifinfmsg(nlmsg):
    __slots__ = ()
    prefix = "IFLA_"
    _pads = ("__align",)


class ifaddrmsg(nlmsg):
    __slots__ = ()
    prefix = "IFA_"


class rtmsg(nlmsg):
    __slots__ = ()
    prefix = "RTA_"


class ndmsg(nlmsg):
    __slots__ = ()
    prefix = "NDA_"
    _pads = ("__pad",)


class fibmsg(nlmsg):
    __slots__ = ()
    prefix = "FRA_"


class nlmsgerr(nlmsg):
    """NLMSG_ERROR: the acknowledgement of a request ('error': 0)."""

    __slots__ = ()
    prefix = "NLMSGERR_ATTR_"


_BY_EVENT = {}
for _cls, _events in ((ifinfmsg, "LINK"), (ifaddrmsg, "ADDR"), (rtmsg, "ROUTE"),
                      (ndmsg, "NEIGH"), (fibmsg, "RULE")):
    for _verb in ("NEW", "DEL", "GET", "SET"):
        _BY_EVENT[f"RTM_{_verb}{_events}"] = _cls
_BY_EVENT["NLMSG_ERROR"] = nlmsgerr


def class_for_event(event):
    return _BY_EVENT.get(event, nlmsg)


def is_json(raw):
    """Whether raw is a JSON line or a marshal blob (docs/rtnl-json.md): both
    start with '{', then JSON has the '"' of a key and marshal a type code."""
    return raw[1:2] == b'"'


def materialise(obj, raw, target="localhost"):
    """Fill obj (already of its final class) from one message: a JSON line
    or a marshal blob (pairs already tuples, pads already ())."""
    if is_json(raw):
        return fill(obj, _loads(raw), target)
    d = _mloads(raw)
    _nest(d["attrs"])
    h = d["header"]
    h["target"] = target
    h["stats"] = _STATS0
    dict.update(obj, d)
    return obj


def _nest(pairs):
    """Wraps the nested sets of a marshal-decoded pair list in place."""
    for i, (name, value) in enumerate(pairs):
        t = type(value)
        if t is dict:
            if "attrs" in value:
                pairs[i] = (name, _mwrap(_NESTED.get(name, _NLA_DEFAULT), value))
        elif t is list and value and type(value[0]) is dict and "attrs" in value[0]:
            cls = _NESTED.get(name, _NLA_DEFAULT)
            pairs[i] = (name, [_mwrap(cls, v) for v in value])
    return pairs


def _mwrap(cls, d):
    obj = cls(d)
    _nest(d["attrs"])
    return obj


def event_of(raw):
    """The "event" of a message without decoding it: it is the last key."""
    if is_json(raw):
        i = raw.rfind(b'"event":"')
        return raw[i + 9:-2].decode() if i >= 0 else ""
    i = raw.rfind(b"z\x05event")
    if i < 0 or raw[i + 7:i + 8] != b"z":
        return ""
    return raw[i + 9:i + 9 + raw[i + 8]].decode()


def from_dict(d, target="localhost"):
    """A message from its already decoded JSON object."""
    return fill(class_for_event(d.get("event", ""))(), d, target)


def fill(obj, d, target="localhost"):
    pads = getattr(type(obj), "_pads", ())
    for p in pads:
        if p in d:
            d[p] = ()
    d["attrs"] = _attrs(d["attrs"])
    h = d["header"]
    h["target"] = target
    h["stats"] = _STATS0
    dict.update(obj, d)
    return obj


# ---- laziness ---------------------------------------------------------------

# Lazy objects hold one placeholder key so that C code reading the dict's
# size directly (the json encoder's empty-dict fast path) takes the generic
# path, which calls items() and so parses the message.
_PLACEHOLDER = "__lazy__"


# Serialises the switch of a lazy message to its real class (threads may
# read one message at once).
_LOAD_LOCK = threading.Lock()


def _load(self):
    """Parses a lazy message and turns it into its real class. The blob is
    made outside the lock (an undecoded answer's, _transport.WireAnswer,
    takes a library call, which releases the GIL); inside it the message is
    filled, then its class changed, then _raw cleared: a thread that sees
    the real class sees it filled, one that sees _raw None sees it done."""
    raw = self._raw
    if raw is None:  # loaded by another thread
        return
    if type(raw) is not bytes:
        raw = raw.blob()
    with _LOAD_LOCK:
        if self._raw is None:
            return
        dict.clear(self)
        materialise(self, raw)
        self.__class__ = type(self).__real__
        self._raw = None


def _forward(name):
    def method(self, *args, **kwargs):
        _load(self)
        return getattr(self, name)(*args, **kwargs)
    method.__name__ = name
    return method


_FORWARDED = (
    "__getitem__", "__setitem__", "__delitem__", "__contains__", "__iter__", "__len__",
    "__repr__", "__str__", "__eq__", "__ne__", "__reversed__", "__or__", "__ror__", "__ior__",
    "__reduce__", "__reduce_ex__", "__sizeof__", "__format__",
    "keys", "values", "items", "get", "pop", "popitem", "setdefault", "update", "clear", "copy",
    "get_attr", "get_attrs", "get_nested", "get_list", "getvalue",
)


def _compare(name):
    def method(self, other):
        _load(self)
        if isinstance(other, nlmsg_base) and type(other).__dict__.get("__real__"):
            _load(other)
        return getattr(self, name)(other)
    method.__name__ = name
    return method


def _head_getitem(self, key):
    """msg[key] of a lazy message. When its raw is an undecoded answer
    (_transport.WireAnswer), a fixed-header field ('index', 'flags', ...)
    is read from the answer's header and the message stays lazy; anything
    else parses the message."""
    raw = self._raw
    if type(raw) is not bytes and raw is not None and type(key) is str:
        head = raw.head()
        if key in head:
            return head[key]
    _load(self)
    return self[key]


def _lazy_class(real):
    ns = {name: _forward(name) for name in _FORWARDED if hasattr(real, name)}
    ns["__getitem__"] = _head_getitem
    ns["__eq__"] = _compare("__eq__")
    ns["__ne__"] = _compare("__ne__")
    ns["__slots__"] = ()
    ns["__real__"] = real
    ns["__hash__"] = None
    ns["__module__"] = real.__module__
    ns["__qualname__"] = real.__qualname__
    return type(real.__name__, (real,), ns)


_LAZY = {cls: _lazy_class(cls) for cls in (nlmsg, ifinfmsg, ifaddrmsg, rtmsg, ndmsg, fibmsg, nlmsgerr)}


_PLACEHOLDER_DICT = {_PLACEHOLDER: None}


def lazy(lines, cls=None):
    """Lazy messages for JSON lines or marshal blobs; cls None picks the
    class from each message's "event"."""
    ph = _PLACEHOLDER_DICT
    out = []
    append = out.append
    if cls is not None:
        lz = _LAZY[cls]
        for b in lines:
            obj = lz(ph)
            obj._raw = b
            append(obj)
        return out
    for b in lines:
        obj = _LAZY[class_for_event(event_of(b))](ph)
        obj._raw = b
        append(obj)
    return out
