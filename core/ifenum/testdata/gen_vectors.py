#!/usr/bin/env python3
"""Writes ci/vectors/ifenum.json: synthetic rtnetlink snapshots and the
netifaces 0.11.0 output the spec (shared/spec/netifaces.md) records for them.

Expected outputs are written as the Python values netifaces returns, copied
from the spec's verified examples, then converted to the JSON shape of
core/ifenum (int dict keys as decimal strings, tuples as arrays). They are
never computed by the Go code under test.

Usage: python3 gen_vectors.py > ci/vectors/ifenum.json
"""
import json
import sys

UP, BROADCAST, LOOPBACK, P2P, RUNNING, NOARP, MULTICAST, LOWER_UP = (
    0x1, 0x2, 0x8, 0x10, 0x40, 0x80, 0x1000, 0x10000)
ETHER_FLAGS = UP | BROADCAST | RUNNING | MULTICAST | LOWER_UP
TUN_FLAGS = UP | P2P | RUNNING | NOARP | MULTICAST | LOWER_UP
LO_FLAGS = UP | LOOPBACK | RUNNING | LOWER_UP
ARPHRD_ETHER, ARPHRD_LOOPBACK, ARPHRD_NONE = 1, 772, 65534
BCAST = "ff:ff:ff:ff:ff:ff"


def link(index, name, flags=ETHER_FLAGS, type_=ARPHRD_ETHER, mac=None, brd=BCAST):
    l = {"index": index, "name": name, "flags": flags, "type": type_}
    if mac is not None:
        l["address"] = mac
        if brd is not None:
            l["broadcast"] = brd
    return l


def lo(index=1):
    return link(index, "lo", LO_FLAGS, ARPHRD_LOOPBACK, "00:00:00:00:00:00", "00:00:00:00:00:00")


def v4(index, local, plen, brd=None, peer=None, label=None, flags=0x80, scope=0):
    a = {"family": 2, "index": index, "prefixlen": plen, "flags": flags, "scope": scope,
         "local": local, "address": peer or local}
    if brd:
        a["broadcast"] = brd
    if label:
        a["label"] = label
    return a


def v6(index, addr, plen, peer=None, flags=0x80, scope=0):
    a = {"family": 10, "index": index, "prefixlen": plen, "flags": flags, "scope": scope}
    if peer:
        a["local"] = addr
        a["address"] = peer
    else:
        a["address"] = addr
    return a


def route(family, gw=None, oif=None, table=254, prio=None, dst=None, dst_len=0, type_=1,
          protocol=3, multipath=None, via=None, flags=0, nhid=None, prefsrc=None):
    r = {"family": family, "table": table, "dst_len": dst_len, "type": type_, "protocol": protocol}
    if dst:
        r["dst"] = dst
    if gw:
        r["gateway"] = gw
    if via:
        r["via"] = via
    if oif:
        r["oif"] = oif
    if prio is not None:
        r["priority"] = prio
    if flags:
        r["flags"] = flags
    if nhid:
        r["nhid"] = nhid
    if prefsrc:
        r["prefsrc"] = prefsrc
    if multipath:
        r["multipath"] = multipath
    return r


def snap(links, addresses=(), routes=()):
    return {"links": list(links), "addresses": list(addresses), "routes": list(routes)}


def ifaddrs_json(d):
    return {str(k): v for k, v in d.items()}


def gateways_json(g):
    out = {"default": {str(k): list(v) for k, v in g["default"].items()}}
    for k, v in g.items():
        if k != "default":
            out[str(k)] = [list(t) for t in v]
    return out


vectors = []


def vec(name, fn, in_, out=None, error=None):
    v = {"name": name, "fn": fn, "in": in_}
    if error is not None:
        v["error"] = error
    else:
        v["out"] = out
    vectors.append(v)


INVALID = {"kind": "ValueError", "message": "You must specify a valid interface name."}

# --- spec §5.6: the full verified example --------------------------------
V0, LO, V1, BR0, TUN0, TUN1, X1, LONG, VX0 = 3, 1, 2, 4, 5, 6, 7, 8, 9
S56 = snap(
    [lo(), link(V1, "v1", mac="02:00:00:00:00:02"), link(V0, "v0", mac="02:00:00:00:00:01"),
     link(BR0, "br0", mac="de:2c:9c:c9:03:25"), link(TUN0, "tun0", TUN_FLAGS, ARPHRD_NONE),
     link(TUN1, "tun1", TUN_FLAGS, ARPHRD_NONE), link(X1, "x1", mac="02:00:00:00:00:07"),
     link(LONG, "averyveryverylo", mac="02:00:00:00:00:08"),
     link(VX0, "vx0", mac="c6:1b:8d:e9:c0:7d")],
    [v4(LO, "127.0.0.1", 8, label="lo", scope=254),
     v4(V0, "192.168.10.1", 24, brd="192.168.10.255", label="v0"),
     v4(V0, "192.168.11.1", 24, label="v0"),
     v4(V0, "10.0.0.1", 32, peer="10.0.0.2", label="v0"),
     v4(V0, "169.254.1.1", 16, brd="169.254.255.255", label="v0"),
     v4(V0, "203.0.113.7", 32, label="v0"),
     v4(V0, "192.168.10.5", 24, label="v0:1", flags=0x81),
     v4(TUN0, "10.8.0.1", 32, peer="10.8.0.2", label="tun0"),
     v6(LO, "::1", 128, scope=254),
     v6(V0, "2001:db8:8::1", 64), v6(V0, "2001:db8:7::1", 1), v6(V0, "2001:db8:6::1", 65),
     v6(V0, "2001:db8:5::1", 112), v6(V0, "2001:db8:4::1", 127), v6(V0, "2001:db8:3::1", 128),
     v6(V0, "2001:db8:2::1", 56), v6(V0, "2001:db8:1::1", 64),
     v6(V0, "fe80::ff:fe00:1", 64, scope=253), v6(V0, "fe80::1234", 64, scope=253),
     v6(TUN0, "2001:db8:99::1", 128, peer="2001:db8:99::2"),
     v6(VX0, "fe80::c41b:8dff:fee9:c07d", 64, scope=253)],
    [route(2, "192.168.11.254", V0, table=100, prio=50),
     route(2, "192.168.10.254", V0),
     route(2, "192.168.10.253", V0, dst="172.16.0.0", dst_len=12),
     route(2, None, V0, dst="192.168.10.0", dst_len=24, protocol=2),
     route(2, None, V0, table=255, dst="192.168.10.1", dst_len=32, type_=2, protocol=2),
     route(10, None, V0, dst="2001:db8:8::", dst_len=64, prio=256, protocol=2),
     route(10, "fe80::1", V0, prio=1024),
     route(10, None, LO, table=255, dst="::1", dst_len=128, type_=2, protocol=2)])

vec("spec-5.6 interfaces", "interfaces", {"snapshot": S56},
    ['lo', 'v1', 'v0', 'br0', 'tun0', 'tun1', 'x1', 'averyveryverylo', 'vx0', 'v0:1'])

S56_OUT = {
    "lo": {17: [{'addr': '00:00:00:00:00:00', 'peer': '00:00:00:00:00:00'}], 2: [{'addr': '127.0.0.1', 'netmask': '255.0.0.0', 'peer': '127.0.0.1'}], 10: [{'addr': '::1', 'netmask': 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128'}]},
    "v0": {17: [{'addr': '02:00:00:00:00:01', 'broadcast': 'ff:ff:ff:ff:ff:ff'}], 2: [{'addr': '192.168.10.1', 'netmask': '255.255.255.0', 'broadcast': '192.168.10.255'}, {'addr': '192.168.11.1', 'netmask': '255.255.255.0', 'broadcast': '192.168.11.1'}, {'addr': '10.0.0.1', 'netmask': '255.255.255.255', 'broadcast': '10.0.0.2'}, {'addr': '169.254.1.1', 'netmask': '255.255.0.0'}, {'addr': '203.0.113.7', 'netmask': '255.255.255.255', 'broadcast': '203.0.113.7'}], 10: [{'addr': '2001:db8:8::1', 'netmask': 'ffff:ffff:ffff:ffff::/64'}, {'addr': '2001:db8:7::1', 'netmask': '8000::/1'}, {'addr': '2001:db8:6::1', 'netmask': 'ffff:ffff:ffff:ffff:8000::/65'}, {'addr': '2001:db8:5::1', 'netmask': 'ffff:ffff:ffff:ffff:ffff:ffff:ffff::/112'}, {'addr': '2001:db8:4::1', 'netmask': 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe/127'}, {'addr': '2001:db8:3::1', 'netmask': 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128'}, {'addr': '2001:db8:2::1', 'netmask': 'ffff:ffff:ffff:ff00::/56'}, {'addr': '2001:db8:1::1', 'netmask': 'ffff:ffff:ffff:ffff::/64'}, {'addr': 'fe80::ff:fe00:1%v0', 'netmask': 'ffff:ffff:ffff:ffff::/64'}, {'addr': 'fe80::1234%v0', 'netmask': 'ffff:ffff:ffff:ffff::/64'}]},
    "br0": {17: [{'addr': 'de:2c:9c:c9:03:25', 'broadcast': 'ff:ff:ff:ff:ff:ff'}]},
    "tun0": {2: [{'addr': '10.8.0.1', 'netmask': '255.255.255.255', 'peer': '10.8.0.2'}], 10: [{'addr': '2001:db8:99::1', 'netmask': 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128', 'peer': '2001:db8:99::2'}]},
    "tun1": {},
    "vx0": {17: [{'addr': 'c6:1b:8d:e9:c0:7d', 'broadcast': 'ff:ff:ff:ff:ff:ff'}], 10: [{'addr': 'fe80::c41b:8dff:fee9:c07d%vx0', 'netmask': 'ffff:ffff:ffff:ffff::/64'}]},
    "v0:1": {2: [{'addr': '192.168.10.5', 'netmask': '255.255.255.0', 'broadcast': '192.168.10.5'}]},
}
for n, out in S56_OUT.items():
    vec("spec-5.6 ifaddresses " + n, "ifaddresses", {"snapshot": S56, "name": n}, ifaddrs_json(out))
for n in ["nope0", "", "LO", "lo ", "lé", "v0:2", "averyveryverylong"]:
    vec("spec-7 ifaddresses %r" % n, "ifaddresses", {"snapshot": S56, "name": n}, error=INVALID)
vec("spec-7 ifaddresses embedded NUL", "ifaddresses", {"snapshot": S56, "name": "lo\u0000"},
    error={"kind": "ValueError", "message": "embedded null character"})

ALL = {n: ifaddrs_json(S56_OUT.get(n, {})) for n in
       ['lo', 'v1', 'v0', 'br0', 'tun0', 'tun1', 'x1', 'averyveryverylo', 'vx0', 'v0:1']}
ALL["v1"] = {"17": [{'addr': '02:00:00:00:00:02', 'broadcast': BCAST}]}
ALL["x1"] = {"17": [{'addr': '02:00:00:00:00:07', 'broadcast': BCAST}]}
ALL["averyveryverylo"] = {"17": [{'addr': '02:00:00:00:00:08', 'broadcast': BCAST}]}
vec("spec-5.6 all_ifaddresses", "all_ifaddresses", {"snapshot": S56}, ALL)

vec("spec-5.6 gateways", "gateways", {"snapshot": S56}, gateways_json(
    {'default': {2: ('192.168.10.254', 'v0'), 10: ('fe80::1', 'v0')}, 2: [('192.168.11.254', 'v0', False), ('192.168.10.254', 'v0', True)], 10: [('fe80::1', 'v0', True)]}))

# --- spec §5.3: broadcast / peer rules, one address each ------------------
ETH = [lo(), link(2, "v0", mac="02:00:00:00:00:01"), link(3, "tun0", TUN_FLAGS, ARPHRD_NONE)]
rows = [
    ("brd +", v4(2, "192.168.10.1", 24, brd="192.168.10.255"), "v0",
     {'addr': '192.168.10.1', 'netmask': '255.255.255.0', 'broadcast': '192.168.10.255'}),
    ("no brd", v4(2, "192.168.11.1", 24), "v0",
     {'addr': '192.168.11.1', 'netmask': '255.255.255.0', 'broadcast': '192.168.11.1'}),
    ("/32", v4(2, "203.0.113.7", 32), "v0",
     {'addr': '203.0.113.7', 'netmask': '255.255.255.255', 'broadcast': '203.0.113.7'}),
    ("/31", v4(2, "10.1.1.0", 31), "v0",
     {'addr': '10.1.1.0', 'netmask': '255.255.255.254', 'broadcast': '10.1.1.0'}),
    ("explicit brd", v4(2, "10.1.3.1", 24, brd="10.1.3.77"), "v0",
     {'addr': '10.1.3.1', 'netmask': '255.255.255.0', 'broadcast': '10.1.3.77'}),
    ("peer on non-P2P", v4(2, "10.0.0.1", 32, peer="10.0.0.2"), "v0",
     {'addr': '10.0.0.1', 'netmask': '255.255.255.255', 'broadcast': '10.0.0.2'}),
    ("169.254/16", v4(2, "169.254.1.1", 16, brd="169.254.255.255"), "v0",
     {'addr': '169.254.1.1', 'netmask': '255.255.0.0'}),
    ("169.254 without brd", v4(2, "169.254.9.9", 32), "v0",
     {'addr': '169.254.9.9', 'netmask': '255.255.255.255'}),
    ("peer on P2P", v4(3, "10.8.0.1", 32, peer="10.8.0.2"), "tun0",
     {'addr': '10.8.0.1', 'netmask': '255.255.255.255', 'peer': '10.8.0.2'}),
    ("IPv6 peer on P2P", v6(3, "2001:db8:99::1", 128, peer="2001:db8:99::2"), "tun0",
     {'addr': '2001:db8:99::1', 'netmask': 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128', 'peer': '2001:db8:99::2'}),
    ("IPv6 peer on non-P2P", v6(2, "2001:db8::1", 64, peer="2001:db8::2"), "v0",
     {'addr': '2001:db8::1', 'netmask': 'ffff:ffff:ffff:ffff::/64', 'broadcast': '2001:db8::2'}),
    ("IPv6 link-local peer gets scope", v6(3, "fe80::1", 128, peer="fe80::2"), "tun0",
     {'addr': 'fe80::1%tun0', 'netmask': 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128', 'peer': 'fe80::2%tun0'}),
    ("lo IPv4", v4(1, "127.0.0.1", 8), "lo",
     {'addr': '127.0.0.1', 'netmask': '255.0.0.0', 'peer': '127.0.0.1'}),
    ("lo IPv6", v6(1, "::1", 128), "lo",
     {'addr': '::1', 'netmask': 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128'}),
    ("IPv4-compatible IPv6 text", v6(2, "::1.2.3.4", 96), "v0",
     {'addr': '::1.2.3.4', 'netmask': 'ffff:ffff:ffff:ffff:ffff:ffff::/96'}),
    ("IPv4-mapped IPv6 text", v6(2, "::ffff:1.2.3.4", 128), "v0",
     {'addr': '::ffff:1.2.3.4', 'netmask': 'ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128'}),
    ("IPv6 /0 netmask", v6(2, "2001:db8::5", 0), "v0",
     {'addr': '2001:db8::5', 'netmask': '::/0'}),
]
for title, a, ifname, entry in rows:
    fam = a["family"]
    want = {}
    if ifname == "v0":
        want[17] = [{'addr': '02:00:00:00:00:01', 'broadcast': BCAST}]
    if ifname == "lo":
        want[17] = [{'addr': '00:00:00:00:00:00', 'peer': '00:00:00:00:00:00'}]
    want[fam] = [entry]
    vec("spec-5.3 " + title, "ifaddresses", {"snapshot": snap(ETH, [a]), "name": ifname}, ifaddrs_json(want))

# --- links without MAC, labels, lookup rules ------------------------------
vec("link without MAC and without addresses is {}", "ifaddresses",
    {"snapshot": snap(ETH), "name": "tun0"}, {})
vec("down link keeps IPv4 and MAC", "ifaddresses",
    {"snapshot": snap([lo(), link(2, "v0", BROADCAST | MULTICAST, mac="02:00:00:00:00:01")],
                      [v4(2, "192.0.2.1", 24, brd="192.0.2.255")]), "name": "v0"},
    {"17": [{'addr': '02:00:00:00:00:01', 'broadcast': BCAST}],
     "2": [{'addr': '192.0.2.1', 'netmask': '255.255.255.0', 'broadcast': '192.0.2.255'}]})
LBL = snap([lo(), link(2, "v0", mac="02:00:00:00:00:01"), link(3, "w0", mac="02:00:00:00:00:03")],
           [v4(2, "192.0.2.1", 24, brd="192.0.2.255", label="v0"),
            v4(2, "192.0.2.2", 24, brd="192.0.2.255", label="v0:a", flags=0x81),
            v4(3, "198.51.100.1", 24, label="wan"),
            v4(3, "198.51.100.2", 24, label="v0:a", flags=0x81),
            v6(2, "2001:db8::1", 64)])
vec("labels are extra interfaces, first appearance order", "interfaces", {"snapshot": LBL},
    ["lo", "v0", "w0", "v0:a", "wan"])
vec("alias label excluded from its link", "ifaddresses", {"snapshot": LBL, "name": "v0"},
    {"17": [{'addr': '02:00:00:00:00:01', 'broadcast': BCAST}],
     "2": [{'addr': '192.0.2.1', 'netmask': '255.255.255.0', 'broadcast': '192.0.2.255'}],
     "10": [{'addr': '2001:db8::1', 'netmask': 'ffff:ffff:ffff:ffff::/64'}]})
vec("label shared by two links collects both", "ifaddresses", {"snapshot": LBL, "name": "v0:a"},
    {"2": [{'addr': '192.0.2.2', 'netmask': '255.255.255.0', 'broadcast': '192.0.2.255'},
           {'addr': '198.51.100.2', 'netmask': '255.255.255.0', 'broadcast': '198.51.100.2'}]})
vec("link whose only IPv4 is relabelled has MAC only", "ifaddresses", {"snapshot": LBL, "name": "w0"},
    {"17": [{'addr': '02:00:00:00:00:03', 'broadcast': BCAST}]})
vec("label without dev: prefix", "ifaddresses", {"snapshot": LBL, "name": "wan"},
    {"2": [{'addr': '198.51.100.1', 'netmask': '255.255.255.0', 'broadcast': '198.51.100.1'}]})

NONUTF = snap([lo(), link(2, "b\udcffd", mac="02:00:00:00:00:01"), link(3, "äth0", mac="02:00:00:00:00:03")],
              [v6(2, "fe80::1", 64, scope=253), v4(3, "192.0.2.9", 24, label="äth0:\udcfe")])
vec("non-UTF-8 and UTF-8 names (surrogateescape)", "interfaces", {"snapshot": NONUTF},
    ["lo", "b\udcffd", "äth0", "äth0:\udcfe"])
vec("non-UTF-8 name in %scope", "ifaddresses", {"snapshot": NONUTF, "name": "b\udcffd"},
    {"17": [{'addr': '02:00:00:00:00:01', 'broadcast': BCAST}],
     "10": [{'addr': 'fe80::1%b\udcffd', 'netmask': 'ffff:ffff:ffff:ffff::/64'}]})
vec("non-UTF-8 label", "ifaddresses", {"snapshot": NONUTF, "name": "äth0:\udcfe"},
    {"2": [{'addr': '192.0.2.9', 'netmask': '255.255.255.0', 'broadcast': '192.0.2.9'}]})

vec("address of a vanished link is skipped", "all_ifaddresses",
    {"snapshot": snap([lo()], [v4(7, "192.0.2.1", 24, label="gone0")])},
    {"lo": {"17": [{'addr': '00:00:00:00:00:00', 'peer': '00:00:00:00:00:00'}]}})
vec("empty IFLA_ADDRESS: entry without addr key is dropped", "ifaddresses",
    {"snapshot": snap([link(2, "x0", mac="", brd="")]), "name": "x0"}, {})
vec("20-byte InfiniBand address", "ifaddresses",
    {"snapshot": snap([link(2, "ib0", UP | BROADCAST | MULTICAST, 32,
                            "80:00:00:48:fe:80:00:00:00:00:00:00:00:02:c9:03:00:01:02:03",
                            "00:ff:ff:ff:ff:12:40:1b:ff:ff:00:00:00:00:00:00:ff:ff:ff:ff")]), "name": "ib0"},
    {"17": [{'addr': '80:00:00:48:fe:80:00:00:00:00:00:00:00:02:c9:03:00:01:02:03',
             'broadcast': '00:ff:ff:ff:ff:12:40:1b:ff:ff:00:00:00:00:00:00:ff:ff:ff:ff'}]})
vec("P2P link with IFLA_BROADCAST shows peer", "ifaddresses",
    {"snapshot": snap([link(2, "sit1", UP | P2P | NOARP, 776, "c0:00:02:01", "c6:33:64:02")]), "name": "sit1"},
    {"17": [{'addr': 'c0:00:02:01', 'peer': 'c6:33:64:02'}]})

# --- spec §6.3: gateways() cases ----------------------------------------
GW = [lo(), link(2, "v0", mac="02:00:00:00:00:01"), link(3, "w0", mac="02:00:00:00:00:03"),
      link(4, "tun0", TUN_FLAGS, ARPHRD_NONE)]
gwcases = [
    ("none", [], {'default': {}}),
    ("policy table with lower metric hides main default",
     [route(2, "192.168.20.254", 3, table=100, prio=50), route(2, "192.168.10.254", 2, prio=100)],
     {'default': {}, 2: [('192.168.20.254', 'w0', False), ('192.168.10.254', 'v0', False)]}),
    ("policy table and main both metric 0",
     [route(2, "192.168.10.254", 2, table=100), route(2, "192.168.10.253", 2)],
     {'default': {}, 2: [('192.168.10.254', 'v0', False), ('192.168.10.253', 'v0', False)]}),
    ("two main defaults, lower metric first",
     [route(2, "192.168.20.254", 3, prio=50), route(2, "192.168.10.254", 2, prio=100)],
     {'default': {2: ('192.168.20.254', 'w0')}, 2: [('192.168.20.254', 'w0', True), ('192.168.10.254', 'v0', False)]}),
    ("two main defaults, lower metric last: two Trues, default overwritten",
     [route(2, "192.168.10.254", 2, prio=100), route(2, "192.168.20.254", 3, prio=50)],
     {'default': {2: ('192.168.20.254', 'w0')}, 2: [('192.168.10.254', 'v0', True), ('192.168.20.254', 'w0', True)]}),
    ("ECMP default is dropped",
     [route(2, None, None, prio=0, multipath=[{"ifindex": 2, "gateway": "192.168.10.254", "weight": 1},
                                              {"ifindex": 3, "gateway": "192.168.20.254", "weight": 1}])],
     {'default': {}}),
    ("gateway-less default is dropped", [route(2, None, 4)], {'default': {}}),
    ("blackhole default is dropped", [route(2, None, None, type_=6)], {'default': {}}),
    ("0.0.0.0/1 counts as default, 128.0.0.0/1 does not",
     [route(2, "192.168.10.254", 2, dst="0.0.0.0", dst_len=1),
      route(2, "192.168.10.254", 2, dst="128.0.0.0", dst_len=1)],
     {'default': {2: ('192.168.10.254', 'v0')}, 2: [('192.168.10.254', 'v0', True)]}),
    ("/1 before metric-100 default",
     [route(2, "192.168.20.254", 3, dst="0.0.0.0", dst_len=1), route(2, "192.168.10.254", 2, prio=100)],
     {'default': {2: ('192.168.20.254', 'w0')}, 2: [('192.168.20.254', 'w0', True), ('192.168.10.254', 'v0', False)]}),
    ("nexthop object default is reported",
     [route(2, "192.168.10.254", 2, nhid=10)],
     {'default': {2: ('192.168.10.254', 'v0')}, 2: [('192.168.10.254', 'v0', True)]}),
    ("RTA_VIA default is dropped", [route(2, None, 2, via="fe80::1")], {'default': {}}),
    ("IPv6 two main defaults, lower metric on w0",
     [route(10, "2001:db8:2::fe", 3, prio=512), route(10, "2001:db8:1::fe", 2, prio=1024)],
     {'default': {10: ('2001:db8:2::fe', 'w0')}, 10: [('2001:db8:2::fe', 'w0', True), ('2001:db8:1::fe', 'v0', False)]}),
    ("IPv6 default only in table 100",
     [route(10, "2001:db8:1::fe", 2, table=100, prio=1024)],
     {'default': {}, 10: [('2001:db8:1::fe', 'v0', False)]}),
    ("onlink default without carrier is reported",
     [route(2, "10.99.0.1", 4, flags=0x14)],
     {'default': {2: ('10.99.0.1', 'tun0')}, 2: [('10.99.0.1', 'tun0', True)]}),
    ("only a non-default route", [route(2, "192.168.10.254", 2, dst="172.16.0.0", dst_len=12)], {'default': {}}),
    ("IPv6 link-local gateway without scope", [route(10, "fe80::1", 2, prio=1024)],
     {'default': {10: ('fe80::1', 'v0')}, 10: [('fe80::1', 'v0', True)]}),
    ("table > 255 is compat, never main",
     [route(2, "192.168.10.254", 2, table=51820)],
     {'default': {}, 2: [('192.168.10.254', 'v0', False)]}),
    ("metric >= 2^31 reads as 0",
     [route(2, "192.168.10.254", 2, prio=10), route(2, "192.168.20.254", 3, prio=4294967295)],
     {'default': {2: ('192.168.20.254', 'w0')}, 2: [('192.168.10.254', 'v0', True), ('192.168.20.254', 'w0', True)]}),
    ("route via a vanished link is skipped",
     [route(2, "192.168.30.254", 9), route(2, "192.168.10.254", 2, prio=5)],
     {'default': {2: ('192.168.10.254', 'v0')}, 2: [('192.168.10.254', 'v0', True)]}),
    ("IPv6 before IPv4 in dump order keeps dump order",
     [route(10, "2001:db8::fe", 2, prio=1024), route(2, "192.168.10.254", 2)],
     {'default': {10: ('2001:db8::fe', 'v0'), 2: ('192.168.10.254', 'v0')}, 10: [('2001:db8::fe', 'v0', True)], 2: [('192.168.10.254', 'v0', True)]}),
    ("multicast-family routes are ignored",
     [route(128, None, 2, dst="239.1.1.1", dst_len=32)], {'default': {}}),
]
for title, routes, out in gwcases:
    vec("spec-6.3 gateways: " + title, "gateways", {"snapshot": snap(GW, [], routes)}, gateways_json(out))

# --- DefaultGateway (this port's API, not netifaces) ---------------------
def dr(family, hops, metric=0, type_="unicast", protocol="boot", prefsrc=None, nhid=0):
    return {"family": family, "table": 254, "metric": metric, "type": type_, "protocol": protocol,
            "prefsrc": prefsrc, "nhid": nhid, "nexthops": hops}


def hop(gw, ifname, ifindex, weight=1, flags=()):
    return {"gateway": gw, "ifname": ifname, "ifindex": ifindex, "weight": weight, "flags": list(flags)}


drcases = [
    ("none", 2, [], None),
    ("main default beats lower-metric policy table", 2,
     [route(2, "192.168.20.254", 3, table=100, prio=50), route(2, "192.168.10.254", 2, prio=100)],
     dr(2, [hop("192.168.10.254", "v0", 2)], metric=100)),
    ("lowest metric wins regardless of dump order", 2,
     [route(2, "192.168.10.254", 2, prio=100), route(2, "192.168.20.254", 3, prio=50)],
     dr(2, [hop("192.168.20.254", "w0", 3)], metric=50)),
    ("metric compared unsigned", 2,
     [route(2, "192.168.20.254", 3, prio=4294967295), route(2, "192.168.10.254", 2, prio=10)],
     dr(2, [hop("192.168.10.254", "v0", 2)], metric=10)),
    ("ECMP lists live next hops", 2,
     [route(2, None, None, prio=0, multipath=[{"ifindex": 2, "gateway": "192.168.10.254", "weight": 1},
                                              {"ifindex": 3, "gateway": "192.168.20.254", "weight": 3, "flags": 0x10},
                                              {"ifindex": 4, "gateway": "10.99.0.1", "weight": 1, "flags": 0x1}])],
     dr(2, [hop("192.168.10.254", "v0", 2), hop("192.168.20.254", "w0", 3, 3, ["linkdown"])])),
    ("gateway-less default", 2, [route(2, None, 4, prio=0, protocol=4)],
     dr(2, [hop(None, "tun0", 4)], protocol="static")),
    ("blackhole default has no next hops", 2, [route(2, None, None, type_=6, prio=0)],
     dr(2, [], type_="blackhole")),
    ("throw default is skipped", 2, [route(2, None, None, type_=9)], None),
    ("0.0.0.0/1 is not a default", 2, [route(2, "192.168.10.254", 2, dst="0.0.0.0", dst_len=1)], None),
    ("dead default is skipped", 2, [route(2, "192.168.10.254", 2, flags=0x1), route(2, "192.168.20.254", 3, prio=200)],
     dr(2, [hop("192.168.20.254", "w0", 3)], metric=200)),
    ("RTA_VIA gateway is shown", 2, [route(2, None, 2, via="fe80::1")],
     dr(2, [hop("fe80::1", "v0", 2)])),
    ("IPv6 link-local gateway, family filter", 10,
     [route(2, "192.168.10.254", 2), route(10, "fe80::1", 2, prio=1024, protocol=9, prefsrc="2001:db8::1")],
     dr(10, [hop("fe80::1", "v0", 2)], metric=1024, protocol="ra", prefsrc="2001:db8::1")),
    ("onlink flag named", 2, [route(2, "10.99.0.1", 4, flags=0x4, nhid=7)],
     dr(2, [hop("10.99.0.1", "tun0", 4, flags=["onlink"])], nhid=7)),
    ("unknown ifindex keeps index, null ifname", 2, [route(2, "192.168.10.254", 42)],
     dr(2, [hop("192.168.10.254", None, 42)])),
]
for title, fam, routes, out in drcases:
    vec("default_gateway: " + title, "default_gateway", {"snapshot": snap(GW, [], routes), "family": fam}, out)
vec("default_gateway: bad family", "default_gateway", {"snapshot": snap(GW), "family": 17},
    error={"kind": "ValueError", "message": "unsupported address family 17 (want 2 or 10)"})

# --- module constants ----------------------------------------------------
AFN = [(0, 'AF_UNSPEC'), (1, 'AF_FILE'), (2, 'AF_INET'), (3, 'AF_AX25'), (22, 'AF_SNA'), (12, 'AF_DECnet'),
       (5, 'AF_APPLETALK'), (16, 'AF_NETLINK'), (17, 'AF_PACKET'), (4, 'AF_IPX'), (34, 'AF_ISDN'),
       (10, 'AF_INET6'), (13, 'AF_NETBEUI'), (8, 'AF_ATMPVC'), (20, 'AF_ATMSVC'), (23, 'AF_IRDA'),
       (6, 'AF_NETROM'), (7, 'AF_BRIDGE'), (9, 'AF_X25'), (11, 'AF_ROSE'), (14, 'AF_SECURITY'),
       (15, 'AF_KEY'), (18, 'AF_ASH'), (19, 'AF_ECONET'), (24, 'AF_PPPOX'), (25, 'AF_WANPIPE'),
       (31, 'AF_BLUETOOTH')]
vec("address_families", "address_families", {}, {str(k): v for k, v in AFN})
AFC = dict(AF_UNSPEC=0, AF_UNIX=1, AF_FILE=1, AF_INET=2, AF_AX25=3, AF_SNA=22, AF_DECnet=12,
           AF_APPLETALK=5, AF_ROUTE=16, AF_LINK=17, AF_PACKET=17, AF_IPX=4, AF_ISDN=34, AF_INET6=10,
           AF_NETBEUI=13, AF_ATMPVC=8, AF_ATMSVC=20, AF_IRDA=23, AF_NETROM=6, AF_BRIDGE=7, AF_X25=9,
           AF_ROSE=11, AF_SECURITY=14, AF_KEY=15, AF_NETLINK=16, AF_ASH=18, AF_ECONET=19,
           AF_PPPOX=24, AF_WANPIPE=25, AF_BLUETOOTH=31)
vec("af_constants", "af_constants", {}, AFC)

# --- recorded: real snapshots + real netifaces output -----------------
# testdata/recorded.json is written by
#   go test ./core/ifenum -run TestRecordVectors -args -ifenum.record=$PWD/core/ifenum/testdata/recorded.json
# (root, python3-netifaces installed); its "out" values are what Debian's
# netifaces 0.11.0 returned in the namespace the snapshot was read from.
import os
_rec = os.path.join(os.path.dirname(os.path.abspath(__file__)), "recorded.json")
if os.path.exists(_rec):
    with open(_rec) as f:
        vectors.extend(json.load(f))

doc = {
    "about": "core/ifenum formatting vectors: synthetic rtnetlink snapshots -> netifaces 0.11.0 "
             "output in core/ifenum's JSON shape (see core/ifenum/doc.go). Expected values come "
             "from shared/spec/netifaces.md (verified) or, for recorded-* vectors, from Debian's "
             "python3-netifaces 0.11.0 run in the same namespace. Strings use the surrogateescape "
             "convention (\\udcXX = raw byte 0xXX). Regenerate the synthetic part with "
             "core/ifenum/testdata/gen_vectors.py.",
    "fns": {
        "interfaces": "in {snapshot} -> list of names",
        "ifaddresses": "in {snapshot, name} -> {\"<family>\": [addr dicts]} or error",
        "all_ifaddresses": "in {snapshot} -> {name: ifaddresses(name)} in interfaces() order",
        "gateways": "in {snapshot} -> {\"default\": {\"<family>\": [gw, ifname]}, \"<family>\": [[gw, ifname, is_default]]}",
        "default_gateway": "in {snapshot, family} -> route object or null, or error",
        "address_families": "in {} -> {\"<value>\": name}",
        "af_constants": "in {} -> {name: value}",
    },
    "vectors": vectors,
}
# One vector per line keeps diffs readable.
head = json.dumps({k: v for k, v in doc.items() if k != "vectors"}, indent=1)
sys.stdout.write(head[:-2] + ',\n "vectors": [\n')
sys.stdout.write(",\n".join("  " + json.dumps(v, separators=(",", ":")) for v in vectors))
sys.stdout.write("\n ]\n}\n")
