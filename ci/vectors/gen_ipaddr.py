#!/usr/bin/env python3
"""Generate ci/vectors/ipaddr.json from the real CPython 3.13 stdlib ipaddress.

Usage:  python3.13 ci/vectors/gen_ipaddr.py [output.json]
        (default output: ipaddr.json next to this script)

Every case is {"name", "fn", "in", "out"} or {"name", "fn", "in",
"error": {"kind", "message"}}; "fns" in the file describes each fn. The
output is deterministic (fixed random seed, sorted keys).

Target semantics are CPython 3.13 plus the security fixes shipped in later
3.13.x releases. When the running interpreter predates one of them (3.13.0
does), the fix is applied here at the behaviour level and listed in "patches":
  * gh-128840: IPv6 text longer than 45 characters is rejected first
    ("At most 45 characters expected in ..."), and the split on ':' stops
    after 9 colons (so an IPv4 tail after a 10th colon fails as IPv4).
  * gh-122792: an IPv4-mapped IPv6Address answers is_multicast, is_reserved,
    is_link_local, is_global and is_unspecified from its IPv4 address.
"""

import ipaddress
import json
import os
import random
import sys

if sys.version_info[:2] != (3, 13):
    sys.exit('gen_ipaddr.py needs CPython 3.13 (the target semantics), not ' + sys.version.split()[0])

I = ipaddress
PATCHES = []


def _apply_security_fixes():
    v6 = I._BaseV6
    orig = v6._ip_int_from_string.__func__
    try:
        I.IPv6Address('0:' * 30 + '0')
        long_rejected = False
    except I.AddressValueError as e:
        long_rejected = str(e).startswith('At most 45 characters expected')
    if not long_rejected:
        def _ip_int_from_string(cls, ip_str):
            if ip_str and len(ip_str) > 45:
                shorten = ip_str
                if len(shorten) > 100:
                    shorten = f'{ip_str[:45]}({len(ip_str) - 90} chars elided){ip_str[-45:]}'
                raise I.AddressValueError(f"At most 45 characters expected in {shorten!r}")
            parts = ip_str.split(':', 9)
            if len(parts) >= 3 and '.' in parts[-1] and ':' in parts[-1]:
                try:
                    I.IPv4Address(parts[-1])
                except I.AddressValueError as exc:
                    raise I.AddressValueError("%s in %r" % (exc, ip_str)) from None
            return orig(cls, ip_str)
        v6._ip_int_from_string = classmethod(_ip_int_from_string)
        PATCHES.append('gh-128840')

    if not I.IPv6Address('::ffff:224.0.0.1').is_multicast:
        A = I.IPv6Address
        for name in ('is_multicast', 'is_reserved', 'is_link_local', 'is_global', 'is_unspecified'):
            base = getattr(A, name)

            def prop(self, _base=base, _name=name):
                m = self.ipv4_mapped
                if m is not None:
                    return getattr(m, _name)
                return _base.fget(self)
            setattr(A, name, property(prop))
        PATCHES.append('gh-122792')


_apply_security_fixes()

FNS = {
    'ip_address': 'in: str -> out: str(ip_address(in))',
    'IPv4Address': 'in: str -> out: str(IPv4Address(in))',
    'IPv6Address': 'in: str -> out: str(IPv6Address(in))',
    'ip_address_int': 'in: decimal str of an int -> out: str(ip_address(int(in)))',
    'IPv4Address_int': 'in: decimal str -> out: str(IPv4Address(int(in)))',
    'IPv6Address_int': 'in: decimal str -> out: str(IPv6Address(int(in)))',
    'ip_address_packed': 'in: hex str of bytes -> out: str(ip_address(bytes.fromhex(in)))',
    'IPv4Address_packed': 'in: hex str -> out: str(IPv4Address(bytes.fromhex(in)))',
    'IPv6Address_packed': 'in: hex str -> out: str(IPv6Address(bytes.fromhex(in)))',
    'ip_network_int': 'in: decimal str -> out: str(ip_network(int(in)))',
    'ip_network_packed': 'in: hex str -> out: str(ip_network(bytes.fromhex(in)))',
    'ip_interface_int': 'in: decimal str -> out: str(ip_interface(int(in)))',
    'ip_interface_packed': 'in: hex str -> out: str(ip_interface(bytes.fromhex(in)))',
    'ip_network': 'in: str -> out: str(ip_network(in))  (strict=True)',
    'ip_network_nonstrict': 'in: str -> out: str(ip_network(in, strict=False))',
    'IPv4Network': 'in: str -> out: str(IPv4Network(in))',
    'IPv6Network': 'in: str -> out: str(IPv6Network(in))',
    'IPv4Network_nonstrict': 'in: str -> out: str(IPv4Network(in, strict=False))',
    'IPv6Network_nonstrict': 'in: str -> out: str(IPv6Network(in, strict=False))',
    'IPv4Network_tuple': 'in: {addr: str, mask: int|str, strict: bool} -> out: str(IPv4Network((addr, mask), strict))',
    'IPv6Network_tuple': 'in: {addr: str, mask: int|str, strict: bool} -> out: str(IPv6Network((addr, mask), strict))',
    'IPv4Interface_tuple': 'in: {addr: str, mask: int|str} -> out: str(IPv4Interface((addr, mask)))',
    'IPv6Interface_tuple': 'in: {addr: str, mask: int|str} -> out: str(IPv6Interface((addr, mask)))',
    'ip_interface': 'in: str -> out: str(ip_interface(in))',
    'IPv4Interface': 'in: str -> out: str(IPv4Interface(in))',
    'IPv6Interface': 'in: str -> out: str(IPv6Interface(in))',
    'address_props': 'in: str -> out: properties of ip_address(in); properties that raise in 3.13 '
                     '(exploded/reverse_pointer of a scoped address) are left out',
    'network_props': 'in: str -> out: properties of ip_network(in, strict=False); exploded/reverse_pointer '
                     'left out for scoped networks (3.13 raises)',
    'interface_props': 'in: str -> out: properties of ip_interface(in)',
    'hosts': 'in: str -> out: [str(a) for a in ip_network(in, strict=False).hosts()]',
    'iter': 'in: str -> out: [str(a) for a in ip_network(in, strict=False)]',
    'getitem': 'in: [net str, int] -> out: str(ip_network(net, strict=False)[int])',
    'subnets': 'in: {net: str, prefixlen_diff: int, new_prefix: int|null} -> out: '
               '[str(n) for n in ip_network(net, strict=False).subnets(prefixlen_diff, new_prefix)]',
    'supernet': 'in: {net, prefixlen_diff, new_prefix} -> out: str(ip_network(net, strict=False).supernet(...))',
    'address_exclude': 'in: [a, b] network strs -> out: [str(n) for n in ip_network(a).address_exclude(ip_network(b))]',
    'subnet_of': 'in: [a, b] network strs -> out: ip_network(a).subnet_of(ip_network(b))',
    'supernet_of': 'in: [a, b] -> out: ip_network(a).supernet_of(ip_network(b))',
    'overlaps': 'in: [a, b] -> out: ip_network(a).overlaps(ip_network(b))',
    'compare_networks': 'in: [a, b] -> out: ip_network(a).compare_networks(ip_network(b))',
    'contains': 'in: [net, addr] -> out: ip_address(addr) in ip_network(net)',
    'collapse': 'in: [str] (with "/": ip_network(s), else ip_address(s)) -> out: '
                '[str(n) for n in collapse_addresses(objects)]',
    'summarize': 'in: [first, last] address strs -> out: [str(n) for n in summarize_address_range(...)]',
    'sort_mixed': 'in: [str] as for collapse -> out: [str(x) for x in sorted(objects, key=get_mixed_type_key)]',
    'address_add': 'in: [addr str, int] -> out: str(ip_address(addr) + int)',
    'address_sub': 'in: [addr str, int] -> out: str(ip_address(addr) - int)',
    'v4_int_to_packed': 'in: decimal str -> out: v4_int_to_packed(int(in)).hex()',
    'v6_int_to_packed': 'in: decimal str -> out: v6_int_to_packed(int(in)).hex()',
}

BOOL_PROPS = ('is_private', 'is_global', 'is_multicast', 'is_reserved', 'is_loopback',
              'is_link_local', 'is_unspecified')


def obj(s):
    return I.ip_network(s) if '/' in s else I.ip_address(s)


def addr_props(s):
    a = I.ip_address(s)
    out = {'str': str(a), 'compressed': a.compressed, 'version': a.version,
           'packed': a.packed.hex(), 'int': str(int(a)), 'max_prefixlen': a.max_prefixlen}
    for p in ('exploded', 'reverse_pointer'):
        try:
            out[p] = getattr(a, p)
        except I.AddressValueError:
            pass
    for p in BOOL_PROPS:
        out[p] = getattr(a, p)
    if a.version == 6:
        out['is_site_local'] = a.is_site_local
        out['scope_id'] = a.scope_id
        out['ipv4_mapped'] = None if a.ipv4_mapped is None else str(a.ipv4_mapped)
        out['sixtofour'] = None if a.sixtofour is None else str(a.sixtofour)
        out['teredo'] = None if a.teredo is None else [str(x) for x in a.teredo]
    else:
        out['ipv6_mapped'] = str(a.ipv6_mapped)
    return out


def net_props(s):
    n = I.ip_network(s, strict=False)
    out = {'str': str(n), 'compressed': n.compressed, 'with_prefixlen': n.with_prefixlen,
           'with_netmask': n.with_netmask, 'with_hostmask': n.with_hostmask,
           'network_address': str(n.network_address), 'broadcast_address': str(n.broadcast_address),
           'netmask': str(n.netmask), 'hostmask': str(n.hostmask), 'prefixlen': n.prefixlen,
           'num_addresses': str(n.num_addresses), 'version': n.version}
    for p in ('exploded', 'reverse_pointer'):
        try:
            out[p] = getattr(n, p)
        except I.AddressValueError:
            pass
    for p in BOOL_PROPS:
        out[p] = getattr(n, p)
    if n.version == 6:
        out['is_site_local'] = n.is_site_local
    return out


def iface_props(s):
    i = I.ip_interface(s)
    out = {'str': str(i), 'ip': str(i.ip), 'network': str(i.network), 'compressed': i.compressed,
           'with_prefixlen': i.with_prefixlen, 'with_netmask': i.with_netmask,
           'with_hostmask': i.with_hostmask, 'netmask': str(i.netmask), 'hostmask': str(i.hostmask),
           'exploded': i.exploded, 'reverse_pointer': i.reverse_pointer, 'version': i.version}
    for p in BOOL_PROPS:
        out[p] = getattr(i, p)
    if i.version == 6:
        out['is_site_local'] = i.is_site_local
    return out


def strs(it):
    return [str(x) for x in it]


def subnets_call(d):
    n = I.ip_network(d['net'], strict=False)
    return strs(n.subnets(d['prefixlen_diff'], d['new_prefix']))


def supernet_call(d):
    n = I.ip_network(d['net'], strict=False)
    return str(n.supernet(d['prefixlen_diff'], d['new_prefix']))


def tuple_net(cls):
    return lambda d: str(cls((d['addr'], d['mask']), d['strict']))


def tuple_iface(cls):
    return lambda d: str(cls((d['addr'], d['mask'])))


CALL = {
    'ip_address': lambda s: str(I.ip_address(s)),
    'IPv4Address': lambda s: str(I.IPv4Address(s)),
    'IPv6Address': lambda s: str(I.IPv6Address(s)),
    'ip_address_int': lambda s: str(I.ip_address(int(s))),
    'IPv4Address_int': lambda s: str(I.IPv4Address(int(s))),
    'IPv6Address_int': lambda s: str(I.IPv6Address(int(s))),
    'ip_address_packed': lambda s: str(I.ip_address(bytes.fromhex(s))),
    'IPv4Address_packed': lambda s: str(I.IPv4Address(bytes.fromhex(s))),
    'IPv6Address_packed': lambda s: str(I.IPv6Address(bytes.fromhex(s))),
    'ip_network_int': lambda s: str(I.ip_network(int(s))),
    'ip_network_packed': lambda s: str(I.ip_network(bytes.fromhex(s))),
    'ip_interface_int': lambda s: str(I.ip_interface(int(s))),
    'ip_interface_packed': lambda s: str(I.ip_interface(bytes.fromhex(s))),
    'ip_network': lambda s: str(I.ip_network(s)),
    'ip_network_nonstrict': lambda s: str(I.ip_network(s, strict=False)),
    'IPv4Network': lambda s: str(I.IPv4Network(s)),
    'IPv6Network': lambda s: str(I.IPv6Network(s)),
    'IPv4Network_nonstrict': lambda s: str(I.IPv4Network(s, strict=False)),
    'IPv6Network_nonstrict': lambda s: str(I.IPv6Network(s, strict=False)),
    'IPv4Network_tuple': tuple_net(I.IPv4Network),
    'IPv6Network_tuple': tuple_net(I.IPv6Network),
    'IPv4Interface_tuple': tuple_iface(I.IPv4Interface),
    'IPv6Interface_tuple': tuple_iface(I.IPv6Interface),
    'ip_interface': lambda s: str(I.ip_interface(s)),
    'IPv4Interface': lambda s: str(I.IPv4Interface(s)),
    'IPv6Interface': lambda s: str(I.IPv6Interface(s)),
    'address_props': addr_props,
    'network_props': net_props,
    'interface_props': iface_props,
    'hosts': lambda s: strs(I.ip_network(s, strict=False).hosts()),
    'iter': lambda s: strs(I.ip_network(s, strict=False)),
    'getitem': lambda a: str(I.ip_network(a[0], strict=False)[a[1]]),
    'subnets': subnets_call,
    'supernet': supernet_call,
    'address_exclude': lambda a: strs(I.ip_network(a[0]).address_exclude(I.ip_network(a[1]))),
    'subnet_of': lambda a: I.ip_network(a[0]).subnet_of(I.ip_network(a[1])),
    'supernet_of': lambda a: I.ip_network(a[0]).supernet_of(I.ip_network(a[1])),
    'overlaps': lambda a: I.ip_network(a[0]).overlaps(I.ip_network(a[1])),
    'compare_networks': lambda a: I.ip_network(a[0]).compare_networks(I.ip_network(a[1])),
    'contains': lambda a: I.ip_address(a[1]) in I.ip_network(a[0]),
    'collapse': lambda a: strs(I.collapse_addresses([obj(s) for s in a])),
    'summarize': lambda a: strs(I.summarize_address_range(I.ip_address(a[0]), I.ip_address(a[1]))),
    'sort_mixed': lambda a: strs(sorted((obj(s) for s in a), key=I.get_mixed_type_key)),
    'address_add': lambda a: str(I.ip_address(a[0]) + a[1]),
    'address_sub': lambda a: str(I.ip_address(a[0]) - a[1]),
    'v4_int_to_packed': lambda s: I.v4_int_to_packed(int(s)).hex(),
    'v6_int_to_packed': lambda s: I.v6_int_to_packed(int(s)).hex(),
}

cases = []
_names = {}


def case(fn, inp, name=None):
    base = name or f'{fn}:{json.dumps(inp, ensure_ascii=False)[:60]}'
    k = _names.get(base, 0)
    _names[base] = k + 1
    c = {'name': base if k == 0 else f'{base}#{k}', 'fn': fn, 'in': inp}
    try:
        c['out'] = CALL[fn](inp)
    except (ValueError, TypeError, IndexError) as e:
        c['error'] = {'kind': type(e).__name__, 'message': str(e)}
    cases.append(c)


def build_cases():
    # --- address strings, valid and invalid -----------------------------------
    V4_TEXT = [
        '0.0.0.0', '1.2.3.4', '255.255.255.255', '192.168.0.1', '010.1.1.1', '1.2.3.04', '1.2.3.0',
        '', '1.2.3', '1.2.3.4.5', '1.2.3.256', '1.2.3.1234', '1.2.3.x', '1..3.4', '.1.2.3', '1.2.3.',
        '1.2.3.4/24', ' 1.2.3.4', '1.2.3.4 ', '0x1.2.3.4', '1.2.3.-4', '1.2.3.+4', '1.2.3.٤',
        '1.2.3.4%eth0', '1.2.3.999', '1.2.3.00', "1.2.3.'", '1.2.3.\'"', '1.2.3.\t', '1.2.3.\x00',
        '1.2.3.é', '1.2.3.\u200b', '1.2.3.\u00a0', '1.2.3.\U0001F600', '256.256.256.256',
        '1.2.3.4.', '01.2.3.4', '1.2.3.4:80', '1.1', '1', 'a.b.c.d', '1.2.3.4\n',
    ]
    V6_TEXT = [
        '::', '::1', '1::', '1::2', 'fe80::1', '2001:db8::', 'FE80::1', '2001:0db8:0000:0000:0000:0000:0000:0001',
        '1:2:3:4:5:6:7:8', '1:0:0:4:0:0:7:8', '0:0:1:0:0:0:0:0', '1:0:1:0:1:0:1:0',
        '::ffff:1.2.3.4', '::FFFF:1.2.3.4', '::ffff:0102:0304', '::1.2.3.4', '1:2:3:4:5:6:1.2.3.4',
        '1111:2222:3333:4444:5555:6666:255.255.255.255', '::ffff:01.2.3.4', '::ffff:1.2.3',
        '64:ff9b::1.2.3.4', '2002:c000:0204::', '2001:0:4136:e378:8000:63bf:3fff:fdd2',
        'fe80::1%eth0', 'fe80::1%25eth0', 'fe80::1%', 'fe80::1%a%b', '%eth0', '::1%1',
        'fe80::1%eth0/64', '::ffff:1.2.3.4%eth0', 'fe80::1%é', "fe80::1%'",
        '1:2', '1:2:3:4:5:6:7:8:9:0', '1::2::3', ':1::', '1::2:', '1:2:3:4:5:6:7', '1:2::3:4:5:6:7:8',
        '1:2:3:4:5:6:7::8:9', '1:2:3:4:5:6:7:8::', '::1:2:3:4:5:6:7:8', '12345::', 'g::', '::1.2.3',
        ':::', '1:::2', ':', '::g', '1:2:3:4:5:6:7:8:1.2.3.4', '1:2:3:4:5:6:7:1.2.3.4',
        '10:9:8:7:6:5:4:3:42.42.42.42', '9:8:7:6:5:4:3::2:1', '7:6:5:4:3:2:1', '::00000',
        '0:0:0:0:0:0:0:0:0:0:1.2.3.4', '1:2:3:4:5:6:7:8:9:0:1.2.3', '1:2:3:4:5:6:7:8:9:1.2.3.4',
        '0:' * 10000 + '0', '0:' * 22 + '0', '0:' * 30 + '0%zone', '0:' * 60 + '0', 'é' * 50,
        '1234:5678:9abc:def0:1234:5678:9abc:def0:1', '1:2:3:4:5:6:7:8%scope', ' ::1', '::1 ',
        '::1\n', '0x::1', '::+1', '::-1', '1::2:3:4:5:6:7', '::0:0:0:0:0:0:0', '2001:db8::1:0:0:1',
        '2001:db8:0:0:1:0:0:1', '::ffff:0:0', '::ffff:ffff:ffff', '::fffe:1.2.3.4', '::ffff:1.2.3.4/24',
    ]
    for s in V4_TEXT:
        case('IPv4Address', s)
        case('ip_address', s)
    for s in V6_TEXT:
        case('IPv6Address', s)
        case('ip_address', s)

    for s in ['0', '1', '4294967295', '4294967296', '-1', str(2**128 - 1), str(2**128), str(-2**200),
              str(3232235777), '42540766411282592856903984951653826560']:
        case('ip_address_int', s)
        case('IPv4Address_int', s)
        case('IPv6Address_int', s)
        case('ip_network_int', s)
        case('ip_interface_int', s)
    for h in ['', '00', '000000', '01020304', '0102030405', '00' * 16, 'ff' * 16, '20010db8' + '00' * 12,
              '00' * 15, '2722' + '00' * 2, '5c00ff0a', '00' * 17]:
        case('ip_address_packed', h)
        case('IPv4Address_packed', h)
        case('IPv6Address_packed', h)
        case('ip_network_packed', h)
        case('ip_interface_packed', h)

    # --- networks ---------------------------------------------------------------
    NETS = [
        '10.0.0.0/8', '10.0.0.0/08', '10.0.0.0/0008', '10.0.0.1/8', '10.0.0.0/255.0.0.0', '10.0.0.0/0.255.255.255',
        '10.0.0.0/255.0.255.0', '10.0.0.0/0.0.0.0', '10.0.0.0/255.255.255.255', '1.2.3.4/255.255.255.255',
        '0.0.0.0/0', '0.0.0.0/0.0.0.0', '1.2.3.0/33', '1.2.3.0/-1', '1.2.3.0/+8', '1.2.3.0/ 8', '1.2.3.0/8 ',
        '1.2.3.0/', '1/2/3', '1.2.3.0/24/', '1.2.3.4', '1.2.3.0/٢٤', '1.2.3.0/24.0', '1.2.3.0/255.255.255.00',
        '1.2.3.0/255.255.255.256', '1.2.3.4/31', '1.2.3.4/32', '192.168.1.255/32', '10.0.0.0/x',
        '::/0', '::/128', '::/129', '2001:db8::/32', '2001:db8::/032', '2001:db8::1/32', '2001:db8::/ffff::',
        '2001:db8::%eth0/32', 'fe80::1%eth0/64', 'fe80::%eth0/64', '::1%/128', '::ffff:1.2.3.0/120',
        '::ffff:1.2.3.0/24', '2001:db8::/-1', '2001:db8::/1e2', 'x/24', '', '/24', '1.2.3.0/24%eth0',
        'fe80::/64%eth0', '1.2.3.0/2.0', '::/00000000000000000000000000128', '10.0.0.0/00000000000000000000000032',
    ]
    for s in NETS:
        for fn in ('ip_network', 'ip_network_nonstrict', 'IPv4Network', 'IPv6Network',
                   'IPv4Network_nonstrict', 'IPv6Network_nonstrict', 'ip_interface',
                   'IPv4Interface', 'IPv6Interface'):
            case(fn, s)

    for addr, mask, strict in [('1.2.3.0', 24, True), ('1.2.3.0', 33, True), ('1.2.3.0', -1, True),
                               ('1.2.3.4', 24, True), ('1.2.3.4', 24, False), ('1.2.3.0', '24', True),
                               ('1.2.3.0', '255.255.255.0', True), ('1.2.3.0', '0.0.0.255', True),
                               ('1.2.3.0', 'x', True), ('::1', 24, True), ('1.2.3', 24, True),
                               ('2001:db8::', 32, True), ('2001:db8::', 129, True), ('2001:db8::1', 32, False),
                               ('2001:db8::', '32', True), ('2001:db8::', 'ffff::', True),
                               ('fe80::1%eth0', 64, False), ('fe80::%eth0', 64, True), ('1.2.3.4', 32, True)]:
        for fn in ('IPv4Network_tuple', 'IPv6Network_tuple'):
            case(fn, {'addr': addr, 'mask': mask, 'strict': strict})
        for fn in ('IPv4Interface_tuple', 'IPv6Interface_tuple'):
            case(fn, {'addr': addr, 'mask': mask})

    # --- properties -------------------------------------------------------------
    SPECIAL = [
        '0.0.0.0', '0.1.2.3', '10.1.2.3', '100.64.0.1', '100.128.0.1', '127.0.0.1', '169.254.1.1',
        '172.16.0.1', '172.32.0.1', '192.0.0.1', '192.0.0.8', '192.0.0.9', '192.0.0.10', '192.0.0.170',
        '192.0.0.171', '192.0.0.255', '192.0.2.1', '192.88.99.1', '192.168.1.1', '198.18.0.1',
        '198.51.100.1', '203.0.113.1', '224.0.0.1', '239.255.255.255', '240.0.0.1', '255.255.255.255',
        '8.8.8.8', '1.1.1.1',
        '::', '::1', '::2', '::ffff:0.0.0.0', '::ffff:127.0.0.1', '::ffff:10.0.0.1', '::ffff:8.8.8.8',
        '::ffff:224.0.0.1', '::ffff:240.0.0.1', '::ffff:169.254.1.1', '::ffff:100.64.0.1',
        '64:ff9b::1', '64:ff9b:1::1', '100::1', '100::1:0:0:0:1', '2001::1', '2001:1::1', '2001:1::2',
        '2001:1::3', '2001:2::1', '2001:3::1', '2001:4:112::1', '2001:10::1', '2001:20::1', '2001:30::1',
        '2001:40::1', '2001:db8::1', '2001:200::1', '2002::1', '2002:c000:0204::1', '3fff::1', '5f00::1',
        'fc00::1', 'fd00::1', 'fe80::1', 'fe80::1%eth0', 'febf::1', 'fec0::1', 'feff::1', 'ff00::1',
        'ff02::1%2', '2606:4700::1111', '2001:0:4136:e378:8000:63bf:3fff:fdd2', '1::', '4000::1', 'e000::1',
    ]
    for s in SPECIAL:
        case('address_props', s)

    NETPROPS = [
        '10.0.0.0/8', '10.0.0.0/7', '100.64.0.0/10', '100.64.0.0/9', '192.0.0.0/24', '192.0.0.8/29',
        '192.0.0.0/29', '224.0.0.0/4', '224.0.0.0/3', '127.0.0.0/8', '169.254.0.0/16', '240.0.0.0/4',
        '0.0.0.0/0', '0.0.0.0/32', '255.255.255.255/32', '1.2.3.0/24', '1.2.3.4/31', '1.2.3.4/32',
        '::/0', '::/128', '::1/128', '::ffff:0:0/96', '::ffff:10.0.0.0/104', '::ffff:224.0.0.0/100',
        '2001::/23', '2001::/16', '2001:db8::/32', '2001:20::/28', 'fe80::/10', 'fe80::/9', 'fec0::/10',
        'ff00::/8', 'fc00::/7', '2002::/16', '::/80', '2001:db8::/64', 'fe80::%eth0/64',
        '2001:db8::1/127', '2001:db8::1/128', '::ffff:1.2.3.0/120',
    ]
    for s in NETPROPS:
        case('network_props', s)

    for s in ['1.2.3.4/24', '10.0.0.1/8', '0.0.0.0/0', '0.0.0.0/32', '127.0.0.1/8', '127.0.0.1/7',
              '::/128', '::/0', '::1/128', '::1/64', 'fe80::1%eth0/64', '::ffff:1.2.3.4/120',
              '::ffff:127.0.0.1/128', '2001:db8::1/64', '192.0.2.1/255.255.255.0', '1.2.3.4']:
        case('interface_props', s)

    # --- iteration and structure ------------------------------------------------
    for s in ['1.2.3.0/29', '1.2.3.0/30', '1.2.3.0/31', '1.2.3.4/32', '2001:db8::/125', '2001:db8::/126',
              '2001:db8::/127', '2001:db8::1/128', 'fe80::1%eth0/128', '255.255.255.248/29', 'ffff::fff8/125']:
        case('hosts', s)
        case('iter', s)
    for net, i in [('10.0.0.0/8', 0), ('10.0.0.0/8', 5), ('10.0.0.0/8', -1), ('10.0.0.0/8', 2**24 - 1),
                   ('10.0.0.0/8', 2**24), ('10.0.0.0/8', -(2**24)), ('10.0.0.0/8', -(2**24) - 1),
                   ('::/0', -1), ('::/0', 2**62), ('2001:db8::/64', 1), ('1.2.3.4/32', 1)]:
        case('getitem', [net, i])

    for net, diff, newp in [('10.0.0.0/8', 1, None), ('10.0.0.0/8', 2, None), ('10.0.0.0/8', 0, None),
                            ('10.0.0.0/8', -1, None), ('10.0.0.0/8', 30, None), ('10.0.0.0/8', 1, 11),
                            ('10.0.0.0/8', 1, 4), ('10.0.0.0/8', 2, 10), ('10.0.0.0/8', 1, 8),
                            ('10.0.0.0/8', 1, 33), ('1.2.3.4/32', 5, 2), ('1.2.3.0/24', 4, None),
                            ('1.2.3.0/30', 2, None), ('2001:db8::/32', 2, None), ('2001:db8::/124', 1, 127),
                            ('2001:db8::/126', 3, None), ('::/0', 1, None), ('0.0.0.0/0', 1, None),
                            ('fe80::%eth0/64', 1, None), ('2001:db8::1/128', 1, None)]:
        case('subnets', {'net': net, 'prefixlen_diff': diff, 'new_prefix': newp})
    for net, diff, newp in [('10.0.0.0/8', 1, None), ('10.0.0.0/8', 8, None), ('10.0.0.0/8', 9, None),
                            ('10.0.0.0/8', 0, None), ('10.0.0.0/8', -1, None), ('10.0.0.0/8', 1, 4),
                            ('10.0.0.0/8', 1, 9), ('10.0.0.0/8', 2, 4), ('10.0.0.0/8', 1, -1),
                            ('0.0.0.0/0', 5, None), ('1.2.3.4/32', 1, None), ('2001:db8::/32', 16, None),
                            ('2001:db8::/32', 1, 0), ('::/0', 1, None), ('fe80::%eth0/64', 1, None),
                            ('fe80::%eth0/64', 0, None)]:
        case('supernet', {'net': net, 'prefixlen_diff': diff, 'new_prefix': newp})

    for a, b in [('10.0.0.0/8', '10.1.0.0/16'), ('10.0.0.0/8', '10.0.0.0/8'), ('10.0.0.0/8', '11.0.0.0/8'),
                 ('10.0.0.0/8', '10.255.255.255/32'), ('10.0.0.0/8', '::/8'), ('1.0.0.0/8', '2.0.0.0/16'),
                 ('192.0.2.0/28', '192.0.2.1/32'), ('2001:db8::/32', '2001:db8::1/128'),
                 ('0.0.0.0/0', '128.0.0.0/1'), ('0.0.0.0/0', '255.255.255.255/32'),
                 ('::/0', '8000::/1'), ('fe80::%a/64', 'fe80::/64'), ('fe80::/64', 'fe80::%a/64')]:
        # Left out: ('fe80::/64', 'fe80::1%a/128') raises AssertionError in CPython (a scoped
        # network never equals an unscoped subnet); core/ipaddr ignores the scope there.
        case('address_exclude', [a, b])
    for a, b in [('10.0.0.0/8', '10.0.0.0/16'), ('10.0.0.0/16', '10.0.0.0/8'), ('10.0.0.0/8', '10.0.0.0/8'),
                 ('10.0.0.0/8', '11.0.0.0/8'), ('10.0.0.0/8', '::/8'), ('::/8', '10.0.0.0/8'),
                 ('2001:db8::/32', '2001::/16'), ('fe80::%a/64', 'fe80::/64'), ('fe80::/64', 'fe80::%a/64'),
                 ('fe80::%a/64', 'fe80::%a/64'), ('fe80::%a/64', 'fe80::/10'), ('10.1.0.0/16', '10.0.0.0/16')]:
        for fn in ('subnet_of', 'supernet_of', 'overlaps', 'compare_networks'):
            case(fn, [a, b])
    for net, a in [('10.0.0.0/8', '10.1.2.3'), ('10.0.0.0/8', '11.0.0.0'), ('10.0.0.0/8', '::1'),
                   ('::/0', '1.2.3.4'), ('fe80::/64', 'fe80::1%eth0'), ('fe80::%eth0/64', 'fe80::1')]:
        case('contains', [net, a])

    # --- collapse, summarize, sort ---------------------------------------------
    COLLAPSE = [
        [], ['1.1.1.1'], ['1.1.1.0', '1.1.1.1'], ['1.1.1.0', '1.1.1.1', '1.1.1.2', '1.1.1.3'],
        ['192.0.2.0/25', '192.0.2.128/25'], ['1.1.0.0/24', '1.1.1.0/24', '1.1.2.0/24', '1.1.3.0/24'],
        ['1.1.0.0/24', '1.1.0.0/16', '1.2.0.0/16'], ['1.1.1.1', '1.1.1.1/32', '1.1.1.2'],
        ['10.0.0.0/8', '::/8'], ['::/8', '10.0.0.0/8'], ['1.1.1.1', '::1'], ['::1', '1.1.1.1'],
        ['1.1.1.1', '::/8'], ['::/8', '1.1.1.1'], ['::/8', '1.1.1.1', '1.1.1.3'],
        ['1.1.1.1', '1.1.1.5', '::/8', '1::/16'], ['2::/16', '1.1.1.1', '1.1.1.5', '::/8', '1::/16'],
        ['1.1.1.1/32', '::1/128'], ['::1/128', '1.1.1.0/24'], ['1.1.1.0/24', '::1/128'],
        ['0.0.0.0/0', '10.0.0.0/8'], ['0.0.0.0/1', '128.0.0.0/1'], ['255.255.255.255', '255.255.255.254'],
        ['::/1', '8000::/1'], ['::', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'],
        ['2001:db8::/33', '2001:db8:8000::/33', '2001:db9::/32'], ['fe80::1%eth0', 'fe80::1'],
        ['1.2.3.4', '1.2.3.5', '1.2.3.6', '1.2.3.7', '1.2.3.8', '1.2.3.0/30'],
    ]
    for lst in COLLAPSE:
        case('collapse', lst)
        case('sort_mixed', lst)
    case('sort_mixed', ['10.0.0.0/8', '10.0.0.0', '10.0.0.0/16', '9.0.0.0', '::1', '::/0', '1.0.0.0/8'])

    for a, b in [('192.0.2.0', '192.0.2.130'), ('1.1.1.1', '1.1.1.1'), ('1.1.1.2', '1.1.1.1'),
                 ('0.0.0.0', '255.255.255.255'), ('0.0.0.1', '255.255.255.254'), ('1.0.0.0', '::1'),
                 ('::', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff'), ('::1', 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe'),
                 ('2001:db8::1', '2001:db8::ffff'), ('fe80::1%a', 'fe80::1'), ('fe80::1', 'fe80::1%a'),
                 ('fe80::1%a', 'fe80::5%b'), ('10.0.0.5', '10.0.1.3')]:
        case('summarize', [a, b])

    for a, n in [('1.1.1.1', 1), ('255.255.255.255', 1), ('1.1.1.1', 2**32), ('0.0.0.0', -1),
                 ('::1', -1), ('::1', -2), ('ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff', 1),
                 ('fe80::1%eth0', 1), ('::ffff:1.2.3.4', 5)]:
        case('address_add', [a, n])
        case('address_sub', [a, n])
    for s in ['0', '4294967295', '4294967296', '-1', str(2**128 - 1), str(2**128)]:
        case('v4_int_to_packed', s)
        case('v6_int_to_packed', s)

    # --- random cases (fixed seed) ----------------------------------------------
    rnd = random.Random(20240613)
    for _ in range(40):
        case('address_props', str(I.IPv4Address(rnd.getrandbits(32))))
        v6 = rnd.getrandbits(128)
        if rnd.random() < 0.5:
            v6 &= ~((2**rnd.randrange(16, 112)) - 1)  # long zero runs
        case('address_props', str(I.IPv6Address(v6)))
    for _ in range(20):
        nets = []
        for _ in range(rnd.randrange(1, 40)):
            plen = rnd.randrange(24, 33)
            nets.append(str(I.IPv4Network((0x0A000000 | (rnd.getrandbits(8) << 8) & 0x0A00FF00 | rnd.getrandbits(8), plen), strict=False)))
        case('collapse', nets)
    for _ in range(10):
        nets = []
        for _ in range(rnd.randrange(1, 30)):
            plen = rnd.randrange(120, 129)
            nets.append(str(I.IPv6Network((0x20010db8 << 96 | rnd.getrandbits(10), plen), strict=False)))
        case('collapse', nets)
    for _ in range(20):
        a, b = sorted(rnd.getrandbits(32) for _ in range(2))
        case('summarize', [str(I.IPv4Address(a)), str(I.IPv4Address(b))])
        a, b = sorted(rnd.getrandbits(128) for _ in range(2))
        case('summarize', [str(I.IPv6Address(a)), str(I.IPv6Address(b))])
    for _ in range(10):
        base = I.IPv4Network((rnd.getrandbits(32), rnd.randrange(0, 20)), strict=False)
        inner = I.IPv4Network((int(base.network_address) | rnd.getrandbits(32 - base.prefixlen),
                               rnd.randrange(base.prefixlen, 33)), strict=False)
        case('address_exclude', [str(base), str(inner)])
    # Mixed-version collapse: the message depends on CPython's merge and sort order
    # (lists of 64+ merged networks go through timsort's run merging).
    for k in range(26):
        items = []
        for _ in range(rnd.randrange(2, 12) if k < 20 else rnd.randrange(70, 160)):
            if rnd.random() < 0.5:
                items.append(str(I.IPv4Address(0x0A000000 | rnd.getrandbits(6))))
            else:
                items.append(str(I.IPv6Network((rnd.getrandbits(6) << 120, rnd.randrange(6, 9)), strict=False)))
        case('collapse', items)


def main():
    build_cases()
    doc = {
        'about': 'CPython ipaddress behaviour, generated by ci/vectors/gen_ipaddr.py from the real stdlib',
        'python': sys.version.split()[0],
        'patches': PATCHES,
        'format': 'vectors: {"name","fn","in","out"} or {"name","fn","in","error":{"kind","message"}}; '
                  'addresses and networks are their str(); big ints are decimal strings',
        'fns': FNS,
        'vectors': cases,
    }
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), 'ipaddr.json')
    with open(out, 'w', encoding='utf-8') as f:
        json.dump(doc, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write('\n')
    print(f'{len(cases)} cases -> {out}', file=sys.stderr)


if __name__ == '__main__':
    main()
