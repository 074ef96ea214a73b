"""Generates ci/vectors/abi_ipaddr.json; expected values come from the real
CPython 3.13 stdlib (messages, values), packed with struct here."""
import ipaddress as I, json, struct, sys
assert sys.version_info[:2] == (3, 13)
R = struct.Struct('>QQBBBx')
def rec(ip, plen, fam, flags):
    return R.pack(ip >> 64, ip & (2**64 - 1), plen, fam, flags)
def addr_rec(a):
    return rec(int(a), a.max_prefixlen, a.version, 1 | (4 if getattr(a, 'scope_id', None) else 0))
def net_rec(n):
    return rec(int(n.network_address), n.prefixlen, n.version, 4 if getattr(n.network_address, 'scope_id', None) else 0)
def iface_rec(i):
    return rec(int(i), i.network.prefixlen, i.version, 2 | (4 if getattr(i, 'scope_id', None) else 0))
def err(fn):
    try:
        fn()
    except Exception as e:
        kind = type(e).__name__
        code = -1009 if kind == 'TypeError' else -1008
        return code, {"kind": kind, "message": str(e)}
    raise AssertionError('no error')
MODES = dict(ADDRESS=0, IPV4_ADDRESS=1, IPV6_ADDRESS=2, NETWORK=3, NETWORK_NONSTRICT=4, IPV4_NETWORK=5,
             IPV4_NETWORK_NONSTRICT=6, IPV6_NETWORK=7, IPV6_NETWORK_NONSTRICT=8, INTERFACE=9,
             IPV4_INTERFACE=10, IPV6_INTERFACE=11, IPV4_NETMASK=12, IPV6_NETMASK=13, IPV4_NETMASK_INT=14,
             IPV6_NETMASK_INT=15, IPV4_INT=16, IPV6_INT=17, IPV4_PACKED=18, IPV6_PACKED=19)
CTOR = {0: I.ip_address, 1: I.IPv4Address, 2: I.IPv6Address, 3: I.ip_network,
        4: lambda s: I.ip_network(s, False), 5: I.IPv4Network, 6: lambda s: I.IPv4Network(s, False),
        7: I.IPv6Network, 8: lambda s: I.IPv6Network(s, False), 9: I.ip_interface, 10: I.IPv4Interface,
        11: I.IPv6Interface}
cases = []
def add(**c): cases.append(c)

# nig_ipaddr_parse: validate only (out_parsed NULL); errors are CPython's, byte for byte.
for mode, text in [(0, '192.0.2.1'), (0, '2001:db8::1%eth0'), (1, '0.0.0.0'), (2, '::ffff:1.2.3.4'),
                   (3, '10.0.0.0/8'), (3, '10.0.0.0/255.0.0.0'), (3, '10.0.0.0/0.255.255.255'), (3, '10.0.0.0/08'),
                   (4, '10.1.2.3/8'), (7, '2001:db8::%eth0/32'), (9, '192.0.2.5/24'), (11, 'fe80::1%2/64')]:
    CTOR[mode](text)
    add(name=f"parse mode {mode} {text!r}", fn="nig_ipaddr_parse", **{"in": [text, mode, {"ptr": 0}]})
for mode, text in [(1, ''), (1, '1.2.3'), (1, '1.2.3.256'), (1, '1.2.3.04'), (1, '1.2.3.1234'), (1, '1.2.3.x'),
                   (1, '1..3.4'), (1, '1.2.3.4/24'), (2, '1:2'), (2, '1:2:3:4:5:6:7:8:9:0'), (2, '1::2::3'),
                   (2, ':1::'), (2, '1::2:'), (2, '1:2:3:4:5:6:7'), (2, '1:2::3:4:5:6:7:8'), (2, '12345::'),
                   (2, 'g::'), (2, '::1.2.3'), (2, '::1%'), (2, '::1%a%b'), (0, 'x'), (0, '1.2.\u00e9.3'),
                   (0, "it's"), (3, 'x'), (9, 'x'), (5, '1.2.3.4/24'), (5, '1.2.3.0/33'),
                   (5, '1.2.3.0/255.0.255.0'), (5, '1/2/3'), (7, '::/129'), (3, '10.0.0.1/8'),
                   (11, '::1/-1'), (10, '1.2.3.4/ 8'), (1, '1.2.3.4\u0000')]:
    code, e = err(lambda: CTOR[mode](text))
    arg = text if '\x00' not in text else {"hex": text.encode().hex()}  # C strings stop at NUL
    add(name=f"parse mode {mode} {text!r} refused", fn="nig_ipaddr_parse", **{"in": [arg, mode, {"ptr": 0}]},
        rc=code, error=e)
# long IPv6 text (gh-128840, a 3.13.x fix the installed 3.13.0 lacks): the core's message.
longtxt = '1:' * 60 + '1'
add(name="parse IPv6 text over 45 characters (gh-128840)", fn="nig_ipaddr_parse",
    **{"in": [longtxt, 2, {"ptr": 0}]}, rc=-1008,
    error={"kind": "AddressValueError",
           "message": "At most 45 characters expected in " + repr(longtxt[:45] + '(%d chars elided)' % (len(longtxt) - 90) + longtxt[-45:])})
# netmask, int and packed modes
for mode, text, ok in [(12, '24', True), (12, '255.255.0.0', True), (12, '0.0.255.255', True), (13, '64', True),
                       (14, '32', True), (15, '128', True), (16, '4294967295', True), (17, '1', True)]:
    add(name=f"parse mode {mode} {text!r}", fn="nig_ipaddr_parse", **{"in": [text, mode, {"ptr": 0}]})
for mode, text, fn in [(12, '33', lambda: I.IPv4Network(('0.0.0.0', '33'))),
                       (12, '255.0.255.0', lambda: I.IPv4Network(('0.0.0.0', '255.0.255.0'))),
                       (13, '255.255.0.0', lambda: I.IPv6Network(('::', '255.255.0.0'))),
                       (14, '33', lambda: I.IPv4Network(('0.0.0.0', 33))),
                       (15, '-1', lambda: I.IPv6Network(('::', -1))),
                       (14, '100000000000000000000000000000', lambda: I.IPv4Network(('0.0.0.0', 10**29))),
                       (16, '-1', lambda: I.IPv4Address(-1)), (16, '4294967296', lambda: I.IPv4Address(2**32)),
                       (17, str(2**128), lambda: I.IPv6Address(2**128))]:
    code, e = err(fn)
    add(name=f"parse mode {mode} {text!r} refused", fn="nig_ipaddr_parse", **{"in": [text, mode, {"ptr": 0}]},
        rc=code, error=e)
code, e = err(lambda: I.IPv4Address(b'\x00\x01\x02'))
add(name="parse packed IPv4 of 3 bytes", fn="nig_ipaddr_parse", **{"in": [{"hex": "000102"}, 18, {"ptr": 0}]}, rc=code, error=e)
code, e = err(lambda: I.IPv6Address(b"'\"\\\n\x7f"))
add(name="parse packed IPv6 of 5 bytes (bytes repr)", fn="nig_ipaddr_parse",
    **{"in": [{"hex": b"'\"\\\n\x7f".hex()}, 19, {"ptr": 0}]}, rc=code, error=e)
add(name="parse packed IPv4", fn="nig_ipaddr_parse", **{"in": [{"hex": "c0000201"}, 18, {"ptr": 0}]})
# bad arguments
add(name="parse NULL text", fn="nig_ipaddr_parse", **{"in": [None, 0, {"ptr": 0}]}, rc=-1000,
    error={"kind": "ValueError", "message": "text must not be NULL"})
add(name="parse unknown mode", fn="nig_ipaddr_parse", **{"in": ["1.2.3.4", 20, {"ptr": 0}]}, rc=-1000,
    error={"kind": "ValueError", "message": "unknown parse mode 20"})
add(name="parse negative mode", fn="nig_ipaddr_parse", **{"in": ["1.2.3.4", -1, {"ptr": 0}]}, rc=-1000,
    error={"kind": "ValueError", "message": "unknown parse mode -1"})
add(name="parse int mode with a non-decimal", fn="nig_ipaddr_parse", **{"in": ["0x10", 16, {"ptr": 0}]}, rc=-1000,
    error={"kind": "ValueError"})

# nig_ipaddr_parse_many: records, then {index, len, zone} for scoped items (host order: little-endian here).
texts = ['192.0.2.1', '::ffff:1.2.3.4', 'fe80::1%eth0']
out = b''.join(addr_rec(I.ip_address(t)) for t in texts) + struct.pack('<II', 2, 4) + b'eth0'
add(name="parse_many addresses with a scope id", fn="nig_ipaddr_parse_many", **{"in": ["\n".join(texts), 0]},
    out_hex=out.hex())
texts = ['10.0.0.0/8', '2001:db8::/32', '192.0.2.7/24']
add(name="parse_many networks, non-strict", fn="nig_ipaddr_parse_many", **{"in": ["\n".join(texts), 4]},
    out_hex=b''.join(net_rec(I.ip_network(t, False)) for t in texts).hex())
texts = ['192.0.2.5/24', '2001:db8::1/64']
add(name="parse_many interfaces", fn="nig_ipaddr_parse_many", **{"in": ["\n".join(texts), 9]},
    out_hex=b''.join(iface_rec(I.ip_interface(t)) for t in texts).hex())
add(name="parse_many empty text is zero items", fn="nig_ipaddr_parse_many", **{"in": ["", 0]}, out_hex="")
add(name="parse_many empty line is an item", fn="nig_ipaddr_parse_many", **{"in": ["1.2.3.4\n", 1]}, rc=-1008,
    error={"kind": "AddressValueError", "message": "item 1: Address cannot be empty"})
code, e = err(lambda: I.ip_network('10.0.0.1/8'))
add(name="parse_many stops at the first bad item", fn="nig_ipaddr_parse_many",
    **{"in": ["10.0.0.0/8\n10.0.0.1/8\nx", 3]}, rc=code, error={"kind": e["kind"], "message": "item 1: " + e["message"]})
add(name="parse_many refuses netmask modes", fn="nig_ipaddr_parse_many", **{"in": ["24", 12]}, rc=-1000,
    error={"kind": "ValueError", "message": "unknown parse mode 12 for nig_ipaddr_parse_many"})
add(name="parse_many NULL text", fn="nig_ipaddr_parse_many", **{"in": [None, 0]}, rc=-1000,
    error={"kind": "ValueError", "message": "text must not be NULL"})

# nig_ipaddr_format_many / nig_ipaddr_properties / collapse / summarize on records
objs = [I.ip_address('::ffff:1.2.3.4'), I.ip_address('2001:db8::1'), I.ip_network('2001:db8::/32'),
        I.ip_interface('::ffff:1.2.3.4/120'), I.ip_address('192.0.2.1')]
recs = b''.join(addr_rec(o) if not isinstance(o, (I.IPv6Network, I.IPv4Network, I.IPv6Interface))
                else (net_rec(o) if isinstance(o, I.IPv6Network) else iface_rec(o)) for o in objs)
for what, attr in [(0, 'compressed'), (1, 'exploded'), (2, 'reverse_pointer')]:
    add(name=f"format_many {attr}", fn="nig_ipaddr_format_many", **{"in": [{"hex": recs.hex()}, what]},
        out_hex="\n".join(getattr(o, attr) for o in objs).encode().hex())
plain = [I.IPv6Address._string_from_ip_int(int(objs[0])), I.IPv6Address._string_from_ip_int(int(objs[1]))]
add(name="format_many plain (_string_from_ip_int)", fn="nig_ipaddr_format_many",
    **{"in": [{"hex": recs[:40].hex()}, 3]}, out_hex="\n".join(plain).encode().hex())
add(name="format_many unknown selector", fn="nig_ipaddr_format_many", **{"in": [{"hex": recs.hex()}, 4]},
    rc=-1000, error={"kind": "ValueError", "message": "unknown text selector 4"})
add(name="format_many length not a multiple of 20", fn="nig_ipaddr_format_many",
    **{"in": [{"hex": recs[:21].hex()}, 0]}, rc=-1000,
    error={"kind": "ValueError", "message": "recs: length 21 is not a multiple of 20"})
bad = rec(1, 32, 5, 1)
add(name="format_many bad family", fn="nig_ipaddr_format_many", **{"in": [{"hex": bad.hex()}, 0]}, rc=-1000,
    error={"kind": "ValueError", "message": "item 0: record family 5 (want 4 or 6)"})
add(name="format_many prefix too long", fn="nig_ipaddr_format_many",
    **{"in": [{"hex": rec(0, 33, 4, 0).hex()}, 0]}, rc=-1000,
    error={"kind": "ValueError", "message": "item 0: record prefix length 33 > 32"})
add(name="format_many IPv4 record with high bytes", fn="nig_ipaddr_format_many",
    **{"in": [{"hex": rec(1 << 40, 32, 4, 1).hex()}, 0]}, rc=-1000,
    error={"kind": "ValueError", "message": "item 0: IPv4 record with bytes 0..11 not zero"})
add(name="format_many unknown flag bits", fn="nig_ipaddr_format_many",
    **{"in": [{"hex": rec(1, 32, 4, 0x81).hex()}, 0]}, rc=-1000,
    error={"kind": "ValueError", "message": "item 0: record flags 0x81 has unknown bits"})
add(name="format_many address and interface flags at once", fn="nig_ipaddr_format_many",
    **{"in": [{"hex": rec(1, 32, 4, 3).hex()}, 0]}, rc=-1000,
    error={"kind": "ValueError", "message": "item 0: record flags 0x03: an address and an interface at once"})
add(name="format_many reserved byte set", fn="nig_ipaddr_format_many",
    **{"in": [{"hex": (rec(1, 32, 4, 1)[:19] + b"\x07").hex()}, 0]}, rc=-1000,
    error={"kind": "ValueError", "message": "item 0: record byte 19 is 0x07, want 0"})
add(name="format_many address record with a short prefix", fn="nig_ipaddr_format_many",
    **{"in": [{"hex": rec(1, 24, 4, 1).hex()}, 0]}, rc=-1000,
    error={"kind": "ValueError", "message": "item 0: address record with prefix length 24"})
def bits(o):
    b = 0
    for i, p in enumerate(['is_private', 'is_global', 'is_multicast', 'is_reserved', 'is_loopback',
                           'is_link_local', 'is_unspecified', 'is_site_local']):
        if getattr(o, p, False):
            b |= 1 << i
    return b
pobjs = [I.ip_address('10.0.0.1'), I.ip_address('8.8.8.8'), I.ip_address('100.64.0.1'), I.ip_address('224.0.0.1'),
         I.ip_address('::1'), I.ip_address('fe80::1'), I.ip_address('fec0::1'), I.ip_address('::'),
         I.ip_address('192.0.0.9'), I.ip_address('2001:1::1'), I.ip_network('192.0.0.0/24'),
         I.ip_network('240.0.0.0/4'), I.ip_interface('::1/128'), I.ip_interface('::1/127')]
precs = b''.join(net_rec(o) if isinstance(o, (I.IPv4Network, I.IPv6Network)) else
                 (iface_rec(o) if isinstance(o, (I.IPv4Interface, I.IPv6Interface)) else addr_rec(o)) for o in pobjs)
add(name="properties of addresses, networks and interfaces", fn="nig_ipaddr_properties",
    **{"in": [{"hex": precs.hex()}]}, out_hex=bytes(bits(o) for o in pobjs).hex())
# gh-122792 (3.13.x fix): an IPv4-mapped address answers from its IPv4 address
m = I.ip_address('::ffff:224.0.0.1')
add(name="properties of an IPv4-mapped multicast address (gh-122792)", fn="nig_ipaddr_properties",
    **{"in": [{"hex": addr_rec(m).hex()}]}, out_hex=bytes([bits(I.ip_address('224.0.0.1'))]).hex())
cnets = [I.ip_network('10.0.0.0/25'), I.ip_network('10.0.0.128/25'), I.ip_network('10.0.1.0/24'), I.ip_network('10.0.3.0/24')]
cin = b''.join(net_rec(n) for n in cnets) + addr_rec(I.ip_address('10.0.2.0'))
cout = b''.join(net_rec(n) for n in I.collapse_addresses(cnets + [I.ip_address('10.0.2.0')]))
add(name="collapse networks and an address", fn="nig_ipaddr_collapse", **{"in": [{"hex": cin.hex()}]}, out_hex=cout.hex())
add(name="collapse nothing", fn="nig_ipaddr_collapse", **{"in": [""]}, out_hex="")
mix = [I.ip_network('1.0.0.0/8'), I.ip_network('::/8')]
code, e = err(lambda: list(I.collapse_addresses(mix)))
add(name="collapse mixed versions", fn="nig_ipaddr_collapse", **{"in": [{"hex": b''.join(net_rec(n) for n in mix).hex()}]},
    rc=code, error=e)
a, b = I.ip_address('192.0.2.0'), I.ip_address('192.0.2.130')
sout = struct.pack('<I', 3) + b''.join(net_rec(n) for n in I.summarize_address_range(a, b))
add(name="summarize one range", fn="nig_ipaddr_summarize", **{"in": [{"hex": (addr_rec(a) + addr_rec(b)).hex()}]},
    out_hex=sout.hex())
code, e = err(lambda: list(I.summarize_address_range(b, a)))
add(name="summarize last before first", fn="nig_ipaddr_summarize", **{"in": [{"hex": (addr_rec(b) + addr_rec(a)).hex()}]},
    rc=code, error={"kind": e["kind"], "message": "item 0: " + e["message"]})
c = I.ip_address('::1')
code, e = err(lambda: list(I.summarize_address_range(a, c)))
add(name="summarize mixed versions", fn="nig_ipaddr_summarize",
    **{"in": [{"hex": (addr_rec(a) + addr_rec(b) + addr_rec(a) + addr_rec(c)).hex()}]},
    rc=code, error={"kind": e["kind"], "message": "item 1: " + e["message"]})
add(name="summarize network records", fn="nig_ipaddr_summarize",
    **{"in": [{"hex": (net_rec(cnets[0]) + net_rec(cnets[1])).hex()}]}, rc=-1009,
    error={"kind": "TypeError", "message": "item 0: first and last must be IP addresses, not networks"})
add(name="summarize odd record count", fn="nig_ipaddr_summarize", **{"in": [{"hex": addr_rec(a).hex()}]}, rc=-1000,
    error={"kind": "ValueError", "message": "pairs: 1 records, want first/last pairs"})
# describe: only argument errors are observable here (the output is a caller buffer)
add(name="describe NULL out", fn="nig_ipaddr_describe", **{"in": [{"hex": addr_rec(a).hex()}, 0, {"ptr": 0}]},
    rc=-1000, error={"kind": "ValueError", "message": "out must not be NULL"})
add(name="describe two records", fn="nig_ipaddr_describe",
    **{"in": [{"hex": (addr_rec(a) + addr_rec(b)).hex()}, 0, {"ptr": 0}]},
    rc=-1000, error={"kind": "ValueError", "message": "rec: length 40, want one 20-byte record"})
add(name="describe NULL record", fn="nig_ipaddr_describe", **{"in": [None, 0, {"ptr": 0}]},
    rc=-1000, error={"kind": "ValueError", "message": "rec must not be NULL"})
# handles: 0, never issued (stale and double-closed handles are in ci/pytest/test_ipaddress_abi.py)
for fn, args in [("nig_ipset_update", lambda h: [h, 0, ""]), ("nig_ipset_combine", lambda h: [h, h, 0]),
                 ("nig_ipset_contains", lambda h: [h, ""]), ("nig_ipset_export", lambda h: [h, 0]),
                 ("nig_ipset_info", lambda h: [h]), ("nig_prefixtable_insert", lambda h: [h, "", ""]),
                 ("nig_prefixtable_delete", lambda h: [h, ""]), ("nig_prefixtable_lookup", lambda h: [h, 0, ""]),
                 ("nig_prefixtable_entries", lambda h: [h])]:
    add(name=f"{fn} handle 0", fn=fn, **{"in": args(0)}, rc=-1002,
        error={"kind": "ValueError", "message": "invalid handle 0: 0 is never a valid handle"})
    add(name=f"{fn} never-issued handle", fn=fn, **{"in": args(987654321987)}, rc=-1002,
        error={"kind": "ValueError", "message": "invalid handle 987654321987: never issued"})
# The Go runner compares JSON text as bytes and Go's encoder escapes <, > and &.
text = json.dumps(cases, indent=1, ensure_ascii=False)
text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
open(sys.argv[1], 'w').write(text + "\n")
print(len(cases), "cases")
