"""A drop-in for CPython 3.13's ``ipaddress``, backed by the Go core.

``from netifaces_go import ipaddress`` gives the standard library's classes and
functions with the same behaviour (exception classes and messages, pickling,
hashing, ordering, ``NotImplemented`` returns, formatting, scope ids, 3.13's
``ipv6_mapped`` and ``::ffff:1.2.3.4`` printing) plus the security fixes of
later 3.13 releases (CVE-2024-4032 tables, IPv4-mapped delegation of every
``is_*`` property, the 45-character cap on IPv6 text).

Who does what:

* text is parsed and validated by core/ipaddr through the C ABI (one
  allocation-free call per value); the error messages are Go's, byte for byte
  CPython's;
* the ``is_*`` answers come from the core's special-purpose tables (one call
  per value, cached);
* IPv6 text forms (``str``, ``exploded``, ``reverse_pointer``) are formatted by
  the core (one call; faster than Python's formatter); IPv4 dotted quads are
  formatted here (faster than a call);
* everything else is integer arithmetic on ``_ip`` in Python: comparisons,
  hashing, ``in``, ``subnet_of``, ``subnets``... (a call would cost more than
  the work);
* ``collapse_addresses`` and ``summarize_address_range`` run in Go on packed
  records.

Beyond the standard library: :func:`parse_many`, :func:`summarize_many`,
:class:`IPSet`, :class:`IPRange` and :class:`PrefixTable` (bulk operations on
packed buffers, see :mod:`netifaces_go._ipaddress_bulk`).

Deliberate differences from 3.13.0 (the core's choices, see core/ipaddr/doc.go):
``exploded`` of a scoped IPv6 address keeps ``%scope`` and ``reverse_pointer``
omits it (3.13 raises AddressValueError for both; 3.15 keeps the scope).
"""
import functools
import re as _re

from . import _ipaddress_core as _core
from ._errors import AddressValueError, NetmaskValueError

__version__ = "1.0"

IPV4LENGTH = 32
IPV6LENGTH = 128

_ALL4 = (1 << IPV4LENGTH) - 1
_ALL6 = (1 << IPV6LENGTH) - 1
_new = object.__new__
_fast = _core._fast  # the stable accessor; its functions are looked up per call
_unpack = _core.RECORD.unpack_from
_PROPS_CACHE_LIMIT = 1 << 16


# ---- factories ------------------------------------------------------------------

def ip_address(address):
    """An IPv4Address or IPv6Address (IPv4 is tried first)."""
    if type(address) is str:
        if address.isascii():  # the hot path, inlined: one call into Go
            rc, p = _fast.nig_ipaddr_parse(address.encode(), 0)
            if not rc:
                hi, lo, _, fam, flags = _unpack(p)
                if fam == 4:
                    a = _new(IPv4Address)
                    a._ip = lo
                    return a
                a = _new(IPv6Address)
                a._ip = hi << 64 | lo
                a._scope_id = _core.zone_of(address, address, p, None) if flags & 4 else None
                return a
        ip, _, fam, _, zone = _core.parse(address, address, _core.MODE_ADDRESS)
        if fam == 4:
            a = _new(IPv4Address)
            a._ip = ip
            return a
        a = _new(IPv6Address)
        a._ip = ip
        a._scope_id = zone
        return a
    if isinstance(address, int):
        if 0 <= address <= _ALL4:
            return IPv4Address(address)
        if 0 <= address <= _ALL6:
            return IPv6Address(address)
    elif isinstance(address, bytes):
        if len(address) in (4, 16):
            return (IPv4Address if len(address) == 4 else IPv6Address)(address)
    else:
        for cls in (IPv4Address, IPv6Address):
            try:
                return cls(address)
            except (AddressValueError, NetmaskValueError):
                pass
    raise ValueError(f"{address!r} does not appear to be an IPv4 or IPv6 address")


def ip_network(address, strict=True):
    """An IPv4Network or IPv6Network (IPv4 is tried first)."""
    if type(address) is str:
        mode = _core.MODE_NETWORK if strict else _core.MODE_NETWORK_NONSTRICT
        ip, plen, fam, _, zone = _core.parse(address, address, mode)
        if fam == 4:
            return _net4(ip, plen, None)
        return _net6(ip, plen, zone, None)
    if isinstance(address, int):
        if 0 <= address <= _ALL4:
            return IPv4Network(address, strict)
        if 0 <= address <= _ALL6:
            return IPv6Network(address, strict)
    elif isinstance(address, bytes) and len(address) not in (4, 16):
        pass
    else:
        for cls in (IPv4Network, IPv6Network):
            try:
                return cls(address, strict)
            except (AddressValueError, NetmaskValueError):
                pass
    raise ValueError(f"{address!r} does not appear to be an IPv4 or IPv6 network")


def ip_interface(address):
    """An IPv4Interface or IPv6Interface (IPv4 is tried first)."""
    if type(address) is str:
        ip, plen, fam, _, zone = _core.parse(address, address, _core.MODE_INTERFACE)
        if fam == 4:
            return _iface4(ip, plen)
        return _iface6(ip, plen, zone)
    if isinstance(address, int):
        if 0 <= address <= _ALL4:
            return IPv4Interface(address)
        if 0 <= address <= _ALL6:
            return IPv6Interface(address)
    elif isinstance(address, bytes) and len(address) not in (4, 16):
        pass
    else:
        for cls in (IPv4Interface, IPv6Interface):
            try:
                return cls(address)
            except (AddressValueError, NetmaskValueError):
                pass
    raise ValueError(f"{address!r} does not appear to be an IPv4 or IPv6 interface")


def v4_int_to_packed(address):
    """The address as 4 bytes, network order."""
    try:
        return address.to_bytes(4, "big")
    except OverflowError:
        raise ValueError("Address negative or too large for IPv4") from None


def v6_int_to_packed(address):
    """The address as 16 bytes, network order."""
    try:
        return address.to_bytes(16, "big")
    except OverflowError:
        raise ValueError("Address negative or too large for IPv6") from None


def summarize_address_range(first, last):
    """The fewest networks covering first..last (a generator, as in CPython)."""
    if not (isinstance(first, _BaseAddress) and isinstance(last, _BaseAddress)):
        raise TypeError("first and last must be IP addresses, not networks")
    if first.version != last.version:
        raise TypeError(f"{first} and {last} are not of the same version")
    if first > last:
        raise ValueError("last IP address must be greater than first")
    if first.version == 4:
        family, make = 4, _net4
    elif first.version == 6:
        family, make = 6, _net6
    else:
        raise ValueError("unknown IP version")
    if first._ip > last._ip:
        return  # an interface can pass the check above and still be "before" first
    width = IPV4LENGTH if family == 4 else IPV6LENGTH
    pairs = (_core.record(first._ip, width, family, _core.F_ADDRESS) +
             _core.record(last._ip, width, family, _core.F_ADDRESS))
    buf = _core.call("nig_ipaddr_summarize", pairs)
    yield from _bulk.networks_from_records(buf, 4, family)


def collapse_addresses(addresses):
    """Collapse addresses and networks into the fewest networks (an iterator).

    Runs in Go over packed records (see nig_ipaddr_collapse); output and
    errors are CPython's, including when the TypeError for mixing versions
    surfaces (at the call, or at the first step of the iterator)."""
    return _bulk.collapse(addresses)


def get_mixed_type_key(obj):
    """A sort key that orders networks and addresses together."""
    if isinstance(obj, _BaseNetwork):
        return obj._get_networks_key()
    if isinstance(obj, _BaseAddress):
        return obj._get_address_key()
    return NotImplemented


# The two module-level helpers CPython's own tests reach for (testInternals).
def _find_address_range(addresses):
    """(first, last) of each run of consecutive addresses in a sorted sequence."""
    it = iter(addresses)
    first = last = next(it)
    for ip in it:
        if ip._ip != last._ip + 1:
            yield first, last
            first = ip
        last = ip
    yield first, last


def _count_righthand_zero_bits(number, bits):
    """Trailing zero bits of number, at most bits."""
    if number == 0:
        return bits
    return min(bits, (~number & (number - 1)).bit_length())


# ---- fast constructors (no validation: the values come from Go or arithmetic) ---

def _addr4(ip):
    a = _new(IPv4Address)
    a._ip = ip
    return a


def _addr6(ip, scope=None):
    a = _new(IPv6Address)
    a._ip = ip
    a._scope_id = scope
    return a


def _net4(ip, plen, cls=None):
    n = _new(cls or IPv4Network)
    na = _new(IPv4Address)
    na._ip = ip
    n.network_address = na
    n.netmask = _NETMASK4[plen]
    n._prefixlen = plen
    if plen >= 31:
        _set_hosts(n, plen, IPV4LENGTH)
    return n


def _net6(ip, plen, scope=None, cls=None):
    n = _new(cls or IPv6Network)
    na = _new(IPv6Address)
    na._ip = ip
    na._scope_id = scope
    n.network_address = na
    n.netmask = _NETMASK6[plen]
    n._prefixlen = plen
    if plen >= 127:
        _set_hosts(n, plen, IPV6LENGTH)
    return n


def _set_hosts(net, plen, width):
    # CPython: a /31 (/127) yields every address, a /32 (/128) a list of itself.
    if plen == width - 1:
        net.hosts = net.__iter__
    elif plen == width:
        na = net.network_address
        net.hosts = lambda: [_copy_addr(na)]


def _copy_addr(a):
    c = _new(type(a))
    c._ip = a._ip
    if type(a) is IPv6Address:
        c._scope_id = a._scope_id
    return c


def _iface4(ip, plen, cls=None):
    i = _new(cls or IPv4Interface)
    i._ip = ip
    net = _net4(ip & _NETMASK4[plen]._ip, plen)
    i.network = net
    i.netmask = net.netmask
    i._prefixlen = plen
    return i


def _iface6(ip, plen, scope, cls=None):
    i = _new(cls or IPv6Interface)
    i._ip = ip
    i._scope_id = scope
    masked = ip & _NETMASK6[plen]._ip
    # The network keeps the scope id only when masking left the address alone.
    net = _net6(masked, plen, scope if masked == ip else None)
    i.network = net
    i.netmask = net.netmask
    i._prefixlen = plen
    return i


def _int_error(address, version):
    mode = _core.MODE_IPV4_INT if version == 4 else _core.MODE_IPV6_INT
    return _core.check_error(b"%d" % address, mode)


def _packed_error(address, version):
    mode = _core.MODE_IPV4_PACKED if version == 4 else _core.MODE_IPV6_PACKED
    return _core.check_error(bytes(address), mode)


def _text(address):
    return address if type(address) is str else str(address)


# ---- base classes ---------------------------------------------------------------

class _IPAddressBase:
    """The mother class."""

    __slots__ = ()

    @property
    def exploded(self):
        """The longhand form of the address as a string."""
        return self._explode_shorthand_ip_string()

    @property
    def compressed(self):
        """The shorthand form of the address as a string."""
        return str(self)

    @property
    def reverse_pointer(self):
        """The reverse DNS name of the address ('1.0.0.127.in-addr.arpa')."""
        return self._reverse_pointer()

    @property
    def version(self):
        msg = "%200s has no version specified" % (type(self),)
        raise NotImplementedError(msg)

    def _check_int_address(self, address):
        if not 0 <= address <= self._ALL_ONES:
            raise _int_error(address, self._version)

    def _check_packed_address(self, address, expected_len):
        if len(address) != expected_len:
            raise _packed_error(address, self._version)

    @classmethod
    def _ip_int_from_prefix(cls, prefixlen):
        return cls._ALL_ONES ^ (cls._ALL_ONES >> prefixlen)

    @classmethod
    def _report_invalid_netmask(cls, netmask_str):
        raise NetmaskValueError("%r is not a valid netmask" % netmask_str) from None

    @classmethod
    def _prefix_from_prefix_string(cls, prefixlen_str):
        return cls._make_netmask(prefixlen_str)[1]

    @classmethod
    def _split_addr_prefix(cls, address):
        """(address, mask) of a Network/Interface argument that is not a str."""
        if isinstance(address, (bytes, int)):
            return address, cls._max_prefixlen
        if not isinstance(address, tuple):
            parts = str(address).split("/")
            if len(parts) > 2:
                raise AddressValueError(f"Only one '/' permitted in {address!r}")
            address = parts
        if len(address) > 1:
            return address
        return address[0], cls._max_prefixlen

    @classmethod
    def _make_netmask(cls, arg):
        """(netmask address, prefix length) for an int or str mask."""
        cache = cls._netmask_cache
        if arg not in cache:
            if isinstance(arg, int):
                prefixlen = arg
                if not 0 <= prefixlen <= cls._max_prefixlen:
                    mode = (_core.MODE_IPV4_NETMASK_INT if cls._version == 4
                            else _core.MODE_IPV6_NETMASK_INT)
                    raise _core.check_error(b"%d" % prefixlen, mode)
            elif isinstance(arg, str):
                mode = _core.MODE_IPV4_NETMASK if cls._version == 4 else _core.MODE_IPV6_NETMASK
                prefixlen = _core.parse(arg, arg, mode)[1]
            else:
                prefixlen = cls._odd_netmask(arg)
            cache[arg] = cls._netmasks[prefixlen], prefixlen
        return cache[arg]

    @classmethod
    def _odd_netmask(cls, arg):
        # A mask that is neither int nor str meets CPython's str methods as is:
        # bytes such as b'24' work, other objects fail the way they fail there.
        if arg.isascii() and arg.isdigit():
            try:
                n = int(arg)
            except ValueError:
                n = -1
            if 0 <= n <= cls._max_prefixlen:
                return n
        if cls._version == 4 and arg:
            arg.split(".")
        cls._report_invalid_netmask(arg)

    def __reduce__(self):
        return self.__class__, (str(self),)


@functools.total_ordering
class _BaseAddress(_IPAddressBase):
    """An address, either version."""

    __slots__ = ()

    def __int__(self):
        return self._ip

    def __eq__(self, other):
        try:
            return self._ip == other._ip and self._version == other._version
        except AttributeError:
            return NotImplemented

    def __lt__(self, other):
        if other.__class__ is self.__class__ and self.__class__ in _PLAIN_ADDRESSES:
            return self._ip < other._ip
        if not isinstance(other, _BaseAddress):
            return NotImplemented
        if self._version != other._version:
            raise TypeError(f"{self} and {other} are not of the same version")
        if self._ip != other._ip:
            return self._ip < other._ip
        return False

    # Integer addition and subtraction, never address + address.
    def __add__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return self.__class__(int(self) + other)

    def __sub__(self, other):
        if not isinstance(other, int):
            return NotImplemented
        return self.__class__(int(self) - other)

    def __repr__(self):
        return "%s(%r)" % (self.__class__.__name__, str(self))

    def __str__(self):
        return str(self._string_from_ip_int(self._ip))

    def __hash__(self):
        return hash(self._ip)

    def _get_address_key(self):
        return (self._version, self)

    def __reduce__(self):
        return self.__class__, (self._ip,)

    def __format__(self, fmt):
        """'s' (default), 'b', 'x', 'X', 'n', with '#' and '_' for the numeric forms."""
        if not fmt or fmt[-1] == "s":
            return format(str(self), fmt)
        m = _FORMAT.fullmatch(fmt)
        if not m:
            return super().__format__(fmt)
        alternate, grouping, base = m.groups()
        if base == "n":
            base = "b" if self._version == 4 else "x"
        width = self._max_prefixlen if base == "b" else self._max_prefixlen // 4
        if grouping:
            width += width // 4 - 1
        if alternate:
            width += 2
        return format(int(self), f"{alternate}0{width}{grouping}{base}")

    # is_* answers: one call into the core's tables per distinct value, cached.
    def _properties(self):
        cache = self._props_cache
        ip = self._ip
        bits = cache.get(ip)
        if bits is None:
            bits = _core.properties(ip, self._max_prefixlen, self._version, _core.F_ADDRESS)
            if len(cache) >= _PROPS_CACHE_LIMIT:
                cache.clear()
            cache[ip] = bits
        return bits


_FORMAT = _re.compile("(#?)(_?)([xbnX])")


@functools.total_ordering
class _BaseNetwork(_IPAddressBase):
    """A network, either version."""

    def _init_from_parts(self, address, strict):
        """__init__ for bytes, int and (address, mask) tuples, CPython's way."""
        cls = self._address_class
        addr, mask = self._split_addr_prefix(address)
        self.network_address = cls(addr)
        self.netmask, self._prefixlen = self._make_netmask(mask)
        packed = int(self.network_address)
        if packed & int(self.netmask) != packed:
            if strict:
                raise ValueError("%s has host bits set" % self)
            self.network_address = cls._from_int(packed & int(self.netmask))
        if self._prefixlen == self._max_prefixlen - 1:
            self.hosts = self.__iter__
        elif self._prefixlen == self._max_prefixlen:
            self.hosts = lambda: [cls(addr)]

    def __repr__(self):
        return "%s(%r)" % (self.__class__.__name__, str(self))

    def __str__(self):
        return "%s/%d" % (self.network_address, self.prefixlen)

    def hosts(self):
        """The usable hosts: every address but the network and broadcast ones."""
        make = self._address_class._from_int
        for x in range(int(self.network_address) + 1, int(self.broadcast_address)):
            yield make(x)

    def __iter__(self):
        make = self._address_class._from_int
        for x in range(int(self.network_address), int(self.broadcast_address) + 1):
            yield make(x)

    def __getitem__(self, n):
        network = int(self.network_address)
        broadcast = int(self.broadcast_address)
        make = self._address_class._from_int
        if n >= 0:
            if network + n > broadcast:
                raise IndexError("address out of range")
            return make(network + n)
        n += 1
        if broadcast + n < network:
            raise IndexError("address out of range")
        return make(broadcast + n)

    def __lt__(self, other):
        if not isinstance(other, _BaseNetwork):
            return NotImplemented
        if self._version != other._version:
            raise TypeError(f"{self} and {other} are not of the same version")
        if self.network_address != other.network_address:
            return self.network_address < other.network_address
        if self.netmask != other.netmask:
            return self.netmask < other.netmask
        return False

    def __eq__(self, other):
        try:
            return (self._version == other._version and
                    self.network_address == other.network_address and
                    int(self.netmask) == int(other.netmask))
        except AttributeError:
            return NotImplemented

    def __hash__(self):
        return hash(int(self.network_address) ^ int(self.netmask))

    def __contains__(self, other):
        if self._version != other._version:
            return False
        if isinstance(other, _BaseNetwork):
            return False
        return other._ip & self.netmask._ip == self.network_address._ip

    def overlaps(self, other):
        """Whether self and other share an address."""
        return (self.network_address in other or self.broadcast_address in other or
                other.network_address in self or other.broadcast_address in self)

    @functools.cached_property
    def broadcast_address(self):
        return self._address_class._from_int(int(self.network_address) | int(self.hostmask))

    @functools.cached_property
    def hostmask(self):
        return self._address_class._from_int(int(self.netmask) ^ self._ALL_ONES)

    @property
    def with_prefixlen(self):
        return "%s/%d" % (self.network_address, self._prefixlen)

    @property
    def with_netmask(self):
        return "%s/%s" % (self.network_address, self.netmask)

    @property
    def with_hostmask(self):
        return "%s/%s" % (self.network_address, self.hostmask)

    @property
    def num_addresses(self):
        """Number of addresses in the network."""
        return int(self.broadcast_address) - int(self.network_address) + 1

    @property
    def _address_class(self):
        msg = "%200s has no associated address class" % (type(self),)
        raise NotImplementedError(msg)

    @property
    def prefixlen(self):
        return self._prefixlen

    def address_exclude(self, other):
        """self without other (a subnet of self), as networks from the largest down."""
        if not self._version == other._version:
            raise TypeError(f"{self} and {other} are not of the same version")
        if not isinstance(other, _BaseNetwork):
            raise TypeError(f"{other} is not a network object")
        if not other.subnet_of(self):
            raise ValueError(f"{other} not contained in {self}")
        if other == self:
            return
        target, tplen = other.network_address._ip, other._prefixlen
        ip, plen, width = self.network_address._ip, self._prefixlen, self._max_prefixlen
        cls = self.__class__
        while plen < tplen:
            plen += 1
            half = 1 << (width - plen)
            if target & half:  # other lies in the upper half: yield the lower one
                yield self._make_network(cls, ip, plen)
                ip |= half
            else:
                yield self._make_network(cls, ip | half, plen)

    def compare_networks(self, other):
        """-1, 0 or 1 by network address, then netmask."""
        if self._version != other._version:
            raise TypeError(f"{self} and {other} are not of the same type")
        if self.network_address < other.network_address:
            return -1
        if self.network_address > other.network_address:
            return 1
        if self.netmask < other.netmask:
            return -1
        if self.netmask > other.netmask:
            return 1
        return 0

    def _get_networks_key(self):
        return (self._version, self.network_address, self.netmask)

    def subnets(self, prefixlen_diff=1, new_prefix=None):
        """The subnets that make up this network, prefixlen_diff bits longer."""
        if self._prefixlen == self._max_prefixlen:
            yield self
            return
        if new_prefix is not None:
            if new_prefix < self._prefixlen:
                raise ValueError("new prefix must be longer")
            if prefixlen_diff != 1:
                raise ValueError("cannot set prefixlen_diff and new_prefix")
            prefixlen_diff = new_prefix - self._prefixlen
        if prefixlen_diff < 0:
            raise ValueError("prefix length diff must be > 0")
        new_prefixlen = self._prefixlen + prefixlen_diff
        if new_prefixlen > self._max_prefixlen:
            raise ValueError(
                "prefix length diff %d is invalid for netblock %s" % (new_prefixlen, self))
        start = int(self.network_address)
        end = int(self.broadcast_address) + 1
        step = (int(self.hostmask) + 1) >> prefixlen_diff
        cls = self.__class__
        for new_addr in range(start, end, step):
            yield self._make_network(cls, new_addr, new_prefixlen)

    def supernet(self, prefixlen_diff=1, new_prefix=None):
        """The network prefixlen_diff bits shorter that contains this one."""
        if self._prefixlen == 0:
            return self
        if new_prefix is not None:
            if new_prefix > self._prefixlen:
                raise ValueError("new prefix must be shorter")
            if prefixlen_diff != 1:
                raise ValueError("cannot set prefixlen_diff and new_prefix")
            prefixlen_diff = self._prefixlen - new_prefix
        new_prefixlen = self.prefixlen - prefixlen_diff
        if new_prefixlen < 0:
            raise ValueError(
                "current prefixlen is %d, cannot have a prefixlen_diff of %d" %
                (self.prefixlen, prefixlen_diff))
        return self._make_network(
            self.__class__, int(self.network_address) & (int(self.netmask) << prefixlen_diff),
            new_prefixlen)

    @staticmethod
    def _is_subnet_of(a, b):
        try:
            if a._version != b._version:
                raise TypeError(f"{a} and {b} are not of the same version")
            return (b.network_address <= a.network_address and
                    b.broadcast_address >= a.broadcast_address)
        except AttributeError:
            raise TypeError(f"Unable to test subnet containment "
                            f"between {a} and {b}") from None

    def subnet_of(self, other):
        """Whether this network lies inside other."""
        return self._is_subnet_of(self, other)

    def supernet_of(self, other):
        """Whether other lies inside this network."""
        return self._is_subnet_of(other, self)

    def _properties(self):
        cache = self._props_cache
        key = (self.network_address._ip, self._prefixlen)
        bits = cache.get(key)
        if bits is None:
            bits = _core.properties(key[0], key[1], self._version, 0)
            if len(cache) >= _PROPS_CACHE_LIMIT:
                cache.clear()
            cache[key] = bits
        return bits

    is_multicast = property(lambda self: bool(self._properties() & _core.IS_MULTICAST),
                            doc="Whether both ends are multicast addresses.")
    is_reserved = property(lambda self: bool(self._properties() & _core.IS_RESERVED),
                           doc="Whether both ends are IETF-reserved.")
    is_link_local = property(lambda self: bool(self._properties() & _core.IS_LINK_LOCAL),
                             doc="Whether both ends are link-local.")
    is_private = property(lambda self: bool(self._properties() & _core.IS_PRIVATE),
                          doc="Whether the network lies in a not globally reachable block.")
    is_global = property(lambda self: bool(self._properties() & _core.IS_GLOBAL),
                         doc="Whether the network is globally reachable.")
    is_unspecified = property(lambda self: bool(self._properties() & _core.IS_UNSPECIFIED),
                              doc="Whether both ends are the unspecified address.")
    is_loopback = property(lambda self: bool(self._properties() & _core.IS_LOOPBACK),
                           doc="Whether both ends are loopback addresses.")


def _make_network(cls, ip, plen):
    """cls((ip, plen)) for a value known valid; exact classes skip __init__."""
    if cls is IPv4Network:
        return _net4(ip, plen)
    if cls is IPv6Network:
        return _net6(ip, plen)
    return cls((ip, plen))


_BaseNetwork._make_network = staticmethod(_make_network)


def _address_property(bit, doc):
    return property(lambda self: bool(self._properties() & bit), doc=doc)


class _BaseInterface:
    """What IPv4Interface and IPv6Interface share: an address that also
    carries its network (``network``, ``netmask`` and ``_prefixlen`` are set
    by the subclass's __init__). Comes first in their bases, so ``super()``
    here is the address class."""

    @functools.cached_property
    def hostmask(self):
        return self.network.hostmask

    def __eq__(self, other):
        address_equal = super().__eq__(other)
        if address_equal is NotImplemented or not address_equal:
            return address_equal
        try:
            return self.network == other.network
        except AttributeError:
            # An interface is never equal to a bare address.
            return False

    def __lt__(self, other):
        address_less = super().__lt__(other)
        if address_less is NotImplemented:
            return NotImplemented
        try:
            return (self.network < other.network or
                    self.network == other.network and address_less)
        except AttributeError:
            # A bare address sorts before every interface.
            return False

    def __hash__(self):
        return hash((self._ip, self._prefixlen, int(self.network.network_address)))

    __reduce__ = _IPAddressBase.__reduce__

    @property
    def ip(self):
        return self._make_ip(self._ip)

    @property
    def with_prefixlen(self):
        return "%s/%s" % (self._string_from_ip_int(self._ip), self._prefixlen)

    @property
    def with_netmask(self):
        return "%s/%s" % (self._string_from_ip_int(self._ip), self.netmask)

    @property
    def with_hostmask(self):
        return "%s/%s" % (self._string_from_ip_int(self._ip), self.hostmask)

    def _properties(self):
        cache = self._props_cache
        key = (self._ip, self._prefixlen)
        bits = cache.get(key)
        if bits is None:
            bits = _core.properties(self._ip, self._prefixlen, self._version, _core.F_INTERFACE)
            if len(cache) >= _PROPS_CACHE_LIMIT:
                cache.clear()
            cache[key] = bits
        return bits


class _BaseV4:
    """What IPv4 addresses, interfaces and networks share."""

    __slots__ = ()
    _version = 4
    _ALL_ONES = _ALL4
    _max_prefixlen = IPV4LENGTH
    _netmask_cache = {}

    def _explode_shorthand_ip_string(self):
        return str(self)

    @classmethod
    def _ip_int_from_string(cls, ip_str):
        return _core.parse(ip_str, ip_str, _core.MODE_IPV4_ADDRESS)[0]

    @classmethod
    def _string_from_ip_int(cls, ip_int):
        return ".".join(map(str, ip_int.to_bytes(4, "big")))

    def _reverse_pointer(self):
        return ".".join(str(self).split(".")[::-1]) + ".in-addr.arpa"

    @property
    def max_prefixlen(self):
        return self._max_prefixlen

    @property
    def version(self):
        return self._version


class IPv4Address(_BaseV4, _BaseAddress):
    """A single IPv4 address."""

    __slots__ = ("_ip", "__weakref__")
    _props_cache = {}

    def __init__(self, address):
        if isinstance(address, int):
            if not 0 <= address <= _ALL4:
                raise _int_error(address, 4)
            self._ip = address
            return
        if isinstance(address, bytes):
            if len(address) != 4:
                raise _packed_error(address, 4)
            self._ip = int.from_bytes(address, "big")
            return
        if type(address) is str and address.isascii():
            rc, p = _fast.nig_ipaddr_parse(address.encode(), 1)
            if not rc:
                self._ip = _unpack(p)[1]
                return
        self._ip = _core.parse(address, _text(address), _core.MODE_IPV4_ADDRESS)[0]

    @staticmethod
    def _from_int(ip):
        a = _new(IPv4Address)
        a._ip = ip
        return a

    def __str__(self):
        ip = self._ip
        return "%d.%d.%d.%d" % (ip >> 24, ip >> 16 & 255, ip >> 8 & 255, ip & 255)

    @property
    def packed(self):
        """The address as 4 bytes, network order."""
        return v4_int_to_packed(self._ip)

    is_reserved = _address_property(_core.IS_RESERVED, "Whether the address is IETF-reserved.")
    is_private = _address_property(_core.IS_PRIVATE,
                                   "Whether the address is not globally reachable "
                                   "(iana-ipv4-special-registry), 100.64.0.0/10 excepted.")
    is_global = _address_property(_core.IS_GLOBAL, "Whether the address is globally reachable.")
    is_multicast = _address_property(_core.IS_MULTICAST, "Whether the address is multicast.")
    is_unspecified = _address_property(_core.IS_UNSPECIFIED,
                                       "Whether the address is 0.0.0.0.")
    is_loopback = _address_property(_core.IS_LOOPBACK, "Whether the address is loopback.")
    is_link_local = _address_property(_core.IS_LINK_LOCAL, "Whether the address is link-local.")

    @property
    def ipv6_mapped(self):
        """The IPv4-mapped IPv6 address ::ffff:a.b.c.d (RFC 4291)."""
        if type(self) is IPv4Address:
            return _addr6(0xFFFF00000000 | self._ip)
        return IPv6Address(f"::ffff:{self}")  # CPython's text route (an interface fails)


class IPv4Interface(_BaseInterface, IPv4Address):
    """An IPv4 address on a network: IPv4Interface('192.0.2.5/24')."""

    _props_cache = {}

    def __init__(self, address):
        if type(address) is str:
            ip, plen, _, _, _ = _core.parse(address, address, _core.MODE_IPV4_INTERFACE)
            self._ip = ip
            net = _net4(ip & _NETMASK4[plen]._ip, plen)
        else:
            addr, mask = self._split_addr_prefix(address)
            IPv4Address.__init__(self, addr)
            net = IPv4Network((addr, mask), strict=False)
        self.network = net
        self.netmask = net.netmask
        self._prefixlen = net._prefixlen

    _make_ip = staticmethod(_addr4)

    def __str__(self):
        return "%s/%d" % (self._string_from_ip_int(self._ip), self._prefixlen)


class IPv4Network(_BaseV4, _BaseNetwork):
    """An IPv4 network: IPv4Network('192.0.2.0/24')."""

    _address_class = IPv4Address
    _props_cache = {}

    def __contains__(self, other):
        if other.__class__ is IPv4Address:  # the common case, without the generic checks
            return other._ip & self.netmask._ip == self.network_address._ip
        return _BaseNetwork.__contains__(self, other)

    def __init__(self, address, strict=True):
        if type(address) is str:
            mode = _core.MODE_IPV4_NETWORK if strict else _core.MODE_IPV4_NETWORK_NONSTRICT
            ip, plen, _, _, _ = _core.parse(address, address, mode)
            self.network_address = _addr4(ip)
            self.netmask = _NETMASK4[plen]
            self._prefixlen = plen
            if plen >= 31:
                _set_hosts(self, plen, IPV4LENGTH)
            return
        if not isinstance(address, (bytes, int, tuple)):
            # str() of the object is parsed like a str, but CPython quotes the object.
            text = str(address)
            mode = _core.MODE_IPV4_NETWORK if strict else _core.MODE_IPV4_NETWORK_NONSTRICT
            ip, plen, _, _, _ = _core.parse(address, text, mode)
            self.network_address = _addr4(ip)
            self.netmask = _NETMASK4[plen]
            self._prefixlen = plen
            if plen >= 31:
                addr = text.split("/")[0]
                self.hosts = self.__iter__ if plen == 31 else (lambda: [IPv4Address(addr)])
            return
        self._init_from_parts(address, strict)


class _BaseV6:
    """What IPv6 addresses, interfaces and networks share."""

    __slots__ = ()
    _version = 6
    _ALL_ONES = _ALL6
    _HEXTET_COUNT = 8
    _HEX_DIGITS = frozenset("0123456789ABCDEFabcdef")
    _max_prefixlen = IPV6LENGTH
    _netmask_cache = {}

    @classmethod
    def _ip_int_from_string(cls, ip_str):
        return _core.parse(ip_str, ip_str, _core.MODE_IPV6_ADDRESS)[0]

    @classmethod
    def _string_from_ip_int(cls, ip_int=None):
        if ip_int is None:
            ip_int = int(cls._ip)
        if ip_int > _ALL6:
            raise ValueError("IPv6 address is too large")
        return _core.describe(ip_int, IPV6LENGTH, 6, _core.F_ADDRESS, _core.TEXT_PLAIN)

    def _explode_shorthand_ip_string(self):
        return _core.describe(*self._record(), _core.TEXT_EXPLODED)

    def _reverse_pointer(self):
        return _core.describe(*self._record(), _core.TEXT_REVERSE_POINTER)

    @property
    def max_prefixlen(self):
        return self._max_prefixlen

    @property
    def version(self):
        return self._version


class IPv6Address(_BaseV6, _BaseAddress):
    """A single IPv6 address, optionally with a scope id ('fe80::1%eth0')."""

    __slots__ = ("_ip", "_scope_id", "__weakref__")
    _props_cache = {}

    def __init__(self, address):
        if isinstance(address, int):
            if not 0 <= address <= _ALL6:
                raise _int_error(address, 6)
            self._ip = address
            self._scope_id = None
            return
        if isinstance(address, bytes):
            if len(address) != 16:
                raise _packed_error(address, 6)
            self._ip = int.from_bytes(address, "big")
            self._scope_id = None
            return
        ip, _, _, _, zone = _core.parse(address, _text(address), _core.MODE_IPV6_ADDRESS)
        self._ip = ip
        self._scope_id = zone

    @staticmethod
    def _from_int(ip):
        a = _new(IPv6Address)
        a._ip = ip
        a._scope_id = None
        return a

    def _record(self):
        return self._ip, IPV6LENGTH, 6, _core.F_ADDRESS

    def __str__(self):
        s = _core.describe(self._ip, IPV6LENGTH, 6, _core.F_ADDRESS, _core.TEXT_COMPRESSED)
        scope = self._scope_id
        return s + "%" + scope if scope else s

    def _explode_shorthand_ip_string(self):
        s = _core.describe(self._ip, IPV6LENGTH, 6, _core.F_ADDRESS, _core.TEXT_EXPLODED)
        scope = self._scope_id
        return s + "%" + scope if scope else s

    def __hash__(self):
        return hash((self._ip, self._scope_id))

    def __eq__(self, other):
        address_equal = super().__eq__(other)
        if address_equal is NotImplemented:
            return NotImplemented
        if not address_equal:
            return False
        return self._scope_id == getattr(other, "_scope_id", None)

    def __reduce__(self):
        return self.__class__, (str(self),)

    @property
    def scope_id(self):
        """The zone of the address's scope (RFC 4007), or None."""
        return self._scope_id

    @property
    def packed(self):
        """The address as 16 bytes, network order."""
        return v6_int_to_packed(self._ip)

    is_multicast = _address_property(_core.IS_MULTICAST, "Whether the address is multicast.")
    is_reserved = _address_property(_core.IS_RESERVED, "Whether the address is IETF-reserved.")
    is_link_local = _address_property(_core.IS_LINK_LOCAL, "Whether the address is link-local.")
    is_site_local = _address_property(_core.IS_SITE_LOCAL,
                                      "Whether the address is site-local (fec0::/10).")
    is_private = _address_property(_core.IS_PRIVATE,
                                   "Whether the address is not globally reachable "
                                   "(iana-ipv6-special-registry).")
    is_global = _address_property(_core.IS_GLOBAL, "Whether the address is globally reachable.")
    is_unspecified = _address_property(_core.IS_UNSPECIFIED, "Whether the address is ::.")
    is_loopback = _address_property(_core.IS_LOOPBACK, "Whether the address is ::1.")

    @property
    def ipv4_mapped(self):
        """The IPv4 address inside ::ffff:0:0/96, or None."""
        if (self._ip >> 32) != 0xFFFF:
            return None
        return _addr4(self._ip & 0xFFFFFFFF)

    @property
    def teredo(self):
        """(server, client) IPv4 addresses of a Teredo address (2001::/32), or None."""
        if (self._ip >> 96) != 0x20010000:
            return None
        return (_addr4((self._ip >> 64) & 0xFFFFFFFF), _addr4(~self._ip & 0xFFFFFFFF))

    @property
    def sixtofour(self):
        """The IPv4 address of a 6to4 address (2002::/16), or None."""
        if (self._ip >> 112) != 0x2002:
            return None
        return _addr4((self._ip >> 80) & 0xFFFFFFFF)


class IPv6Interface(_BaseInterface, IPv6Address):
    """An IPv6 address on a network: IPv6Interface('2001:db8::1/64')."""

    _props_cache = {}

    def __init__(self, address):
        if type(address) is str:
            ip, plen, _, _, zone = _core.parse(address, address, _core.MODE_IPV6_INTERFACE)
            self._ip = ip
            self._scope_id = zone
            masked = ip & _NETMASK6[plen]._ip
            net = _net6(masked, plen, zone if masked == ip else None)
        else:
            addr, mask = self._split_addr_prefix(address)
            IPv6Address.__init__(self, addr)
            net = IPv6Network((addr, mask), strict=False)
        self.network = net
        self.netmask = net.netmask
        self._prefixlen = net._prefixlen

    def _record(self):
        return self._ip, self._prefixlen, 6, _core.F_INTERFACE

    def __str__(self):
        return "%s/%d" % (super().__str__(), self._prefixlen)

    def _explode_shorthand_ip_string(self):
        return _core.describe(*self._record(), _core.TEXT_EXPLODED)

    _make_ip = staticmethod(_addr6)


class IPv6Network(_BaseV6, _BaseNetwork):
    """An IPv6 network: IPv6Network('2001:db8::/32')."""

    _address_class = IPv6Address
    _props_cache = {}

    def __contains__(self, other):
        if other.__class__ is IPv6Address:
            return other._ip & self.netmask._ip == self.network_address._ip
        return _BaseNetwork.__contains__(self, other)

    def __init__(self, address, strict=True):
        if type(address) is str or not isinstance(address, (bytes, int, tuple)):
            text = _text(address)
            mode = _core.MODE_IPV6_NETWORK if strict else _core.MODE_IPV6_NETWORK_NONSTRICT
            ip, plen, _, _, zone = _core.parse(address, text, mode)
            na = _new(IPv6Address)
            na._ip = ip
            na._scope_id = zone
            self.network_address = na
            self.netmask = _NETMASK6[plen]
            self._prefixlen = plen
            if plen == IPV6LENGTH - 1:
                self.hosts = self.__iter__
            elif plen == IPV6LENGTH:
                addr = text.split("/")[0]
                self.hosts = lambda: [IPv6Address(addr)]
            return
        self._init_from_parts(address, strict)

    def _record(self):
        return self.network_address._ip, self._prefixlen, 6, 0

    def hosts(self):
        """Every address but the Subnet-Router anycast (network) address."""
        make = IPv6Address._from_int
        for x in range(int(self.network_address) + 1, int(self.broadcast_address) + 1):
            yield make(x)

    is_site_local = property(lambda self: bool(self._properties() & _core.IS_SITE_LOCAL),
                             doc="Whether both ends are site-local (fec0::/10).")


# The netmask and hostmask objects, by prefix length (shared, as CPython's cache).
_NETMASK4 = [IPv4Address._from_int(_ALL4 ^ (_ALL4 >> n)) for n in range(IPV4LENGTH + 1)]
_NETMASK6 = [IPv6Address._from_int(_ALL6 ^ (_ALL6 >> n)) for n in range(IPV6LENGTH + 1)]
_BaseV4._netmasks = _NETMASK4
_BaseV6._netmasks = _NETMASK6
_PLAIN_ADDRESSES = frozenset((IPv4Address, IPv6Address))

# Beyond the standard library (bulk operations on packed buffers).
from . import _ipaddress_bulk as _bulk  # noqa: E402
from ._ipaddress_bulk import IPRange, IPSet, PrefixTable, parse_many, summarize_many  # noqa: E402,F401
