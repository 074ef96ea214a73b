"""Differential tests: netifaces_go against the REAL netifaces 0.11.0 (Debian's
python3-netifaces under /usr/bin/python3), both reading the same throwaway
namespace. Outputs are compared as repr() text, so types (int keys, tuples, str),
key order and list order all count.

Three readers per state:
  * real netifaces, run inside the namespace (`ip netns exec`);
  * netifaces_go run the same way (system Python, this tree on PYTHONPATH);
  * netifaces_go in this process with netns=<name>.
"""
import os
import subprocess

import pytest

import netifaces_go as ng
from conftest import require_root

SYSTEM_PYTHON = "/usr/bin/python3"

DUMP = """
import {module} as N
names = N.interfaces()
print(repr(names))
print(repr([(n, N.ifaddresses(n)) for n in names]))
print(repr(N.gateways()))
"""


def dump_inprocess(netns):
    names = ng.interfaces(netns=netns)
    return "\n".join([repr(names), repr([(n, ng.ifaddresses(n, netns=netns)) for n in names]),
                      repr(ng.gateways(netns=netns))]) + "\n"


def real_dump(ns, code=None):
    return ns.python(code or DUMP.format(module="netifaces"), interpreter=SYSTEM_PYTHON, with_package=False)


def compare(ns, subprocess_too=True):
    """Asserts the three readers agree; returns real netifaces' output lines."""
    real = real_dump(ns)
    ours = dump_inprocess(ns.name)
    assert ours == real
    if subprocess_too:
        sub = ns.python(DUMP.format(module="netifaces_go"), interpreter=SYSTEM_PYTHON, with_package=True)
        assert sub == real
    # The extension agrees with the netifaces loop it replaces.
    names = ng.interfaces(netns=ns.name)
    all_ = ng.allifaddresses(netns=ns.name)
    assert list(all_) == names
    assert repr([(n, all_[n]) for n in names]) == real.splitlines()[1]
    return real.splitlines()


# ---- the namespace most scenarios share --------------------------------------------

LINKS = [
    # veth pairs, a bridge with a port, macvlan, vxlan, a 15-character name, a down pair
    "link add v0 type veth peer name v1",
    "link add w0 type veth peer name w1",
    "link add br0 type bridge",
    "link set w1 master br0",
    "link add mv0 link v1 type macvlan mode bridge",
    "link add vx0 type vxlan id 42 dstport 4789",
    "link add averyveryverylo type veth peer name x1",
    "link add dn0 type veth peer name dn1",
]
MACS = {"v0": "02:00:00:00:00:01", "v1": "02:00:00:00:00:02", "w0": "02:00:00:00:00:03",
        "w1": "02:00:00:00:00:04", "br0": "02:00:00:00:00:05", "mv0": "02:00:00:00:00:06",
        "vx0": "02:00:00:00:00:07", "averyveryverylo": "02:00:00:00:00:08", "x1": "02:00:00:00:00:09",
        "dn0": "02:00:00:00:00:0a", "dn1": "02:00:00:00:00:0b"}
UP = ["v0", "v1", "w0", "w1", "br0", "mv0", "vx0", "averyveryverylo", "x1", "tun0", "tun1"]
ADDRS = [
    # spec §5.3 rows on a broadcast link
    "addr add 192.168.10.1/24 brd + dev v0",
    "addr add 192.168.11.1/24 dev v0",
    "addr add 10.0.0.1 peer 10.0.0.2 dev v0",
    "addr add 169.254.1.1/16 brd + dev v0",
    "addr add 203.0.113.7/32 dev v0",
    "addr add 10.1.1.0/31 brd + dev v0",
    "addr add 10.1.3.1/24 brd 10.1.3.77 dev v0",
    # IPv4 labels: their own "interfaces", absent from v0's list
    "addr add 192.168.10.5/24 dev v0 label v0:1",
    "addr add 192.168.12.1/24 brd + dev v0 label v0:lbl2",
    "addr add 192.168.12.2/24 dev w0 label w0:1",
    # IPv6: global prefixes of every netmask shape, link-local, peer on a non-P2P link
    "addr add 2001:db8:1::1/64 dev v0 nodad",
    "addr add 2001:db8:2::1/56 dev v0 nodad",
    "addr add 2001:db8:3::1/128 dev v0 nodad",
    "addr add 2001:db8:4::1/127 dev v0 nodad",
    "addr add 2001:db8:5::1/112 dev v0 nodad",
    "addr add 2001:db8:6::1/65 dev v0 nodad",
    "addr add 2001:db8:7::1/1 dev v0 nodad",
    "addr add 2001:db8:8::1/64 dev v0 nodad",
    "addr add fe80::1234/64 dev v0 nodad",
    "addr add 2001:db8:77::1 peer 2001:db8:77::2 dev v0 nodad",
    "addr add 192.168.20.1/24 brd + dev w0",
    "addr add 169.254.9.9/32 dev w0",
    "addr add 2001:db8:20::1/64 dev w0 nodad",
    # IPv4-mapped and -compatible IPv6 addresses print in inet_ntop's dotted forms
    "addr add ::ffff:192.0.2.5/128 dev w0 nodad",
    "addr add ::192.0.2.6/128 dev w0 nodad",
    # point-to-point: tun with peers (peer key), tun without addresses ({} result)
    "addr add 10.8.0.1 peer 10.8.0.2/32 dev tun0",
    "addr add 2001:db8:99::1 peer 2001:db8:99::2 dev tun0 nodad",
    "addr add 10.99.0.1/24 dev tun1",
    "addr add 172.20.0.1/16 dev br0",
    "addr add 192.168.30.1/24 dev mv0",
    "addr add 2001:db8:30::1/64 dev mv0 nodad",
    "addr add 10.44.0.1/24 dev vx0",
    "addr add 127.0.0.2/8 dev lo",
    # down links keep their addresses
    "addr add 10.50.0.1/24 dev dn0",
    "addr add 2001:db8:50::1/64 dev dn0 nodad",
]


def build_lab(ns):
    for key in ("all", "default"):
        r = ns.run(["sysctl", "-qw", f"net.ipv6.conf.{key}.accept_dad=0"])
        assert r.returncode == 0, r.stderr
    ns.ip_batch(LINKS)
    ns.ip("link property add dev v0 altname altv0")
    ns.ip("tuntap add dev tun0 mode tun")
    ns.ip("tuntap add dev tun1 mode tun")
    ns.ip_batch([f"link set {n} address {m}" for n, m in MACS.items()])
    ns.ip_batch([f"link set {n} up" for n in UP])
    ns.ip_batch(ADDRS)
    settle(ns)


def settle(ns, quiet=0.6, limit=15.0):
    """Waits until the namespace's addresses stop changing: link-local IPv6
    addresses appear when the kernel's linkwatch reports carrier, up to ~1 s
    after `link set up`."""
    import time
    deadline = time.monotonic() + limit
    last = ng.allifaddresses(netns=ns.name)
    while time.monotonic() < deadline:
        time.sleep(quiet)
        cur = ng.allifaddresses(netns=ns.name)
        if cur == last:
            return
        last = cur
    raise AssertionError(f"addresses in {ns.name} still changing after {limit} s")


@pytest.fixture(scope="module")
def lab():
    require_root()
    from netns import Netns
    with Netns("nigdiff") as ns:
        build_lab(ns)
        yield ns


def test_addresses_of_every_link_kind(lab):
    lines = compare(lab)
    names = eval(lines[0])
    assert names[:1] == ["lo"]
    for n in ["v0", "v1", "w0", "br0", "mv0", "vx0", "averyveryverylo", "tun0", "tun1", "dn0",
              "v0:1", "v0:lbl2", "w0:1"]:
        assert n in names
    addrs = dict(eval(lines[1]))
    # Spot checks of the rules behind the comparison (spec §5).
    assert addrs["tun1"] == {2: [{"addr": "10.99.0.1", "netmask": "255.255.255.0", "peer": "10.99.0.1"}]}
    assert addrs["v0:1"] == {2: [{"addr": "192.168.10.5", "netmask": "255.255.255.0",
                                  "broadcast": "192.168.10.5"}]}
    assert {"addr": "169.254.1.1", "netmask": "255.255.0.0"} in addrs["v0"][2]
    assert {"addr": "fe80::1234%v0", "netmask": "ffff:ffff:ffff:ffff::/64"} in addrs["v0"][10]
    assert {"addr": "2001:db8:5::1", "netmask": "ffff:ffff:ffff:ffff:ffff:ffff:ffff::/112"} in addrs["v0"][10]
    assert addrs["tun0"][2] == [{"addr": "10.8.0.1", "netmask": "255.255.255.255", "peer": "10.8.0.2"}]
    assert 17 not in addrs["tun0"]
    assert addrs["dn0"][2] == [{"addr": "10.50.0.1", "netmask": "255.255.255.0", "broadcast": "10.50.0.1"}]
    assert addrs["vx0"][17] == [{"addr": "02:00:00:00:00:07", "broadcast": "ff:ff:ff:ff:ff:ff"}]


LOOKUPS = ["v0", "v0:1", "altv0", "V0", "v0 ", "v0:", "v0:2", "tun1", "br0", "nope0", "v0\x00", "x" * 16]


def test_name_lookups_equal_real_netifaces(lab):
    """Altnames and unknown labels are not interfaces; known names with nothing
    to report give {}; the outcome (result or exception text) must match."""
    code = ("import netifaces as N\n"
            "def outcome(n):\n"
            "    try:\n"
            "        return N.ifaddresses(n)\n"
            "    except BaseException as e:\n"
            "        return (type(e).__name__, str(e))\n"
            f"print(repr([outcome(n) for n in {LOOKUPS!r}]))\n")
    real = real_dump(lab, code)

    def outcome(n):
        try:
            return ng.ifaddresses(n, netns=lab.name)
        except BaseException as e:  # noqa: BLE001 - compared below
            return (type(e).__name__, str(e))
    assert repr([outcome(n) for n in LOOKUPS]) + "\n" == real
    assert ("ValueError", "You must specify a valid interface name.") == outcome("altv0")


def test_netns_by_path_and_fd_equal_by_name(lab):
    ref = dump_inprocess(lab.name)
    assert dump_inprocess(lab.path) == ref
    fd = os.open(lab.path, os.O_RDONLY | os.O_CLOEXEC)
    try:
        assert dump_inprocess(fd) == ref
    finally:
        os.close(fd)


def test_down_link_and_tentative_ipv6(lab):
    # A link with DAD enabled: the tentative address is reported like netifaces does.
    lab.run(["sysctl", "-qw", "net.ipv6.conf.dn1.accept_dad=1"])
    lab.ip("link set dn1 up")
    lab.ip("addr add 2001:db8:51::1/64 dev dn1")
    try:
        settle(lab)
        compare(lab, subprocess_too=False)
        assert {"addr": "2001:db8:51::1", "netmask": "ffff:ffff:ffff:ffff::/64"} in \
            ng.ifaddresses("dn1", netns=lab.name)[10]
    finally:
        lab.ip("addr del 2001:db8:51::1/64 dev dn1")
        lab.ip("link set dn1 down")
        settle(lab)


# ---- gateways(): one routing state per case (spec §6.3) ------------------------------

V4A, V4B = "192.168.10.254", "192.168.20.254"
V6A, V6B = "2001:db8:1::fe", "2001:db8:20::fe"

ROUTE_CASES = {
    "none": [],
    "main default only": [f"route add default via {V4A} dev v0"],
    "policy table with lower metric hides main": [
        f"route add default via {V4A} dev v0 metric 100",
        f"route add default via {V4B} dev w0 metric 50 table 100"],
    "policy table with equal metric 0 hides main": [
        f"route add default via {V4A} dev v0",
        "route add default via 192.168.10.253 dev v0 table 100"],
    "two main defaults, lower metric second": [
        f"route add default via {V4A} dev v0 metric 100",
        f"route add default via {V4B} dev w0 metric 50"],
    "two main defaults, lower metric first": [
        f"route add default via {V4B} dev w0 metric 100",
        f"route add default via {V4A} dev v0 metric 50"],
    "main metrics 0 and 10 plus a table 5 default": [
        f"route add default via {V4A} dev v0 metric 10",
        f"route add default via {V4B} dev w0",
        f"route add default via {V4B} dev w0 table 5 metric 1"],
    "ECMP defaults": [
        f"route add default nexthop via {V4A} dev v0 nexthop via {V4B} dev w0",
        f"-6 route add default nexthop via {V6A} dev v0 nexthop via {V6B} dev w0"],
    "gateway-less defaults": ["route add default dev tun0", "-6 route add default dev tun0"],
    "blackhole defaults": ["route add blackhole default", "-6 route add blackhole default"],
    "def1 halves": ["route add 0.0.0.0/1 via 192.168.10.254 dev v0",
                    "route add 128.0.0.0/1 via 192.168.10.254 dev v0"],
    "0.0.0.0/1 beats a main default": [
        f"route add 0.0.0.0/1 via {V4B} dev w0",
        f"route add default via {V4A} dev v0 metric 100"],
    "IPv6 two main defaults": [
        f"-6 route add default via {V6A} dev v0 metric 100",
        f"-6 route add default via {V6B} dev w0 metric 50"],
    "IPv6 default only in table 100": [f"-6 route add default via {V6A} dev v0 table 100"],
    "IPv6 link-local gateway": ["-6 route add default via fe80::1 dev v0"],
    "onlink default on a link without carrier": ["route add default via 10.99.0.254 dev tun1 onlink"],
    "RTA_VIA default": ["-4 route add default via inet6 fe80::1 dev v0"],
    "nexthop object": ["nexthop add id 10 via 192.168.10.254 dev v0", "route add default nhid 10"],
    "table above 255 (wg-quick style) and main": [
        "route add default dev tun0 table 51820",
        f"route add default via {V4B} dev w0 table 51820 metric 5",
        f"route add default via {V4A} dev v0 metric 100"],
    "spec 5.6 routes": [
        f"route add default via {V4A} dev v0",
        "route add default via 192.168.11.254 dev v0 metric 50 table 100",
        "route add 172.16.0.0/12 via 192.168.10.253",
        "-6 route add default via fe80::1 dev v0"],
    "non-default routes only": ["route add 172.16.0.0/12 via 192.168.10.253",
                                "-6 route add 2001:db8:f00::/48 via fe80::1 dev v0"],
    "both families, several metrics": [
        f"route add default via {V4A} dev v0 metric 300",
        f"route add default via {V4B} dev w0 metric 200",
        f"-6 route add default via {V6A} dev v0 metric 300",
        f"-6 route add default via {V6B} dev w0 metric 1"],
}


def _undo(cmd):
    if cmd.startswith("nexthop add id "):
        return "nexthop del id " + cmd.split()[3]
    return cmd.replace(" add ", " del ", 1)


def apply_routes(ns, cmds):
    done = []
    try:
        for c in cmds:
            ns.ip(c)
            done.append(c)
    except Exception:
        undo_routes(ns, done)
        raise
    return done


def undo_routes(ns, cmds):
    # Routes before the nexthop objects they use.
    for c in sorted(reversed(cmds), key=lambda c: c.startswith("nexthop")):
        ns.ip(_undo(c))


@pytest.mark.parametrize("case", list(ROUTE_CASES))
def test_gateways(lab, case):
    done = apply_routes(lab, ROUTE_CASES[case])
    try:
        real = real_dump(lab, "import netifaces\nprint(repr(netifaces.gateways()))\n")
        assert repr(ng.gateways(netns=lab.name)) + "\n" == real
        sub = lab.python("import netifaces_go as n\nprint(repr(n.gateways()))\n", interpreter=SYSTEM_PYTHON)
        assert sub == real
    finally:
        undo_routes(lab, done)


# Spec §6.3 verified outcomes, so a netifaces rebuild with other behaviour is noticed.
GATEWAYS_EXPECTED = {
    "none": {"default": {}},
    "policy table with lower metric hides main": {
        "default": {}, 2: [(V4B, "w0", False), (V4A, "v0", False)]},
    "ECMP defaults": {"default": {}},
    "gateway-less defaults": {"default": {}},
    "def1 halves": {"default": {2: (V4A, "v0")}, 2: [(V4A, "v0", True)]},
    "IPv6 link-local gateway": {"default": {10: ("fe80::1", "v0")}, 10: [("fe80::1", "v0", True)]},
    "RTA_VIA default": {"default": {}},
}


@pytest.mark.parametrize("case", list(GATEWAYS_EXPECTED))
def test_gateways_spec_outcomes(lab, case):
    done = apply_routes(lab, ROUTE_CASES[case])
    try:
        assert ng.gateways(netns=lab.name) == GATEWAYS_EXPECTED[case]
    finally:
        undo_routes(lab, done)


# ---- default_gateway(): what gateways() gets wrong (no netifaces counterpart) ---------

def _hops(r):
    return [(h["gateway"], h["ifname"]) for h in r["nexthops"]]


def test_default_gateway_vs_gateways(lab):
    cases = {
        "policy table with lower metric hides main": (lambda r4, r6: (
            _hops(r4) == [(V4A, "v0")] and r4["metric"] == 100 and r6 is None)),
        "policy table with equal metric 0 hides main": lambda r4, r6: _hops(r4) == [(V4A, "v0")],
        "two main defaults, lower metric second": lambda r4, r6: (_hops(r4) == [(V4B, "w0")]
                                                                  and r4["metric"] == 50),
        "ECMP defaults": lambda r4, r6: (_hops(r4) == [(V4A, "v0"), (V4B, "w0")]
                                         and _hops(r6) == [(V6A, "v0"), (V6B, "w0")]
                                         and [h["weight"] for h in r4["nexthops"]] == [1, 1]),
        "gateway-less defaults": lambda r4, r6: _hops(r4) == [(None, "tun0")] and _hops(r6) == [(None, "tun0")],
        "blackhole defaults": lambda r4, r6: (r4["type"] == "blackhole" and r4["nexthops"] == []
                                              and r6["type"] == "blackhole"),
        "def1 halves": lambda r4, r6: r4 is None,
        "IPv6 default only in table 100": lambda r4, r6: r6 is None,
        "IPv6 link-local gateway": lambda r4, r6: _hops(r6) == [("fe80::1", "v0")],
        "onlink default on a link without carrier": (lambda r4, r6: _hops(r4) == [("10.99.0.254", "tun1")]
                                                     and "onlink" in r4["nexthops"][0]["flags"]),
        "RTA_VIA default": lambda r4, r6: _hops(r4) == [("fe80::1", "v0")],
        "nexthop object": lambda r4, r6: _hops(r4) == [(V4A, "v0")] and r4["nhid"] == 10,
        "table above 255 (wg-quick style) and main": lambda r4, r6: _hops(r4) == [(V4A, "v0")],
        "none": lambda r4, r6: r4 is None and r6 is None,
    }
    for case, check in cases.items():
        done = apply_routes(lab, ROUTE_CASES[case])
        try:
            r4 = ng.default_gateway(ng.AF_INET, netns=lab.name)
            r6 = ng.default_gateway(ng.AF_INET6, netns=lab.name)
            assert check(r4, r6), (case, r4, r6)
            for r, fam in ((r4, 2), (r6, 10)):
                assert r is None or (r["family"] == fam and r["table"] == 254), (case, r)
        finally:
            undo_routes(lab, done)


def test_interface_details_in_lab(lab):
    v0 = ng.interface_details("v0", netns=lab.name)
    assert v0["name"] == "v0" and v0["kind"] == "veth" and v0["address"] == MACS["v0"]
    assert v0["parent_name"] == "v1"
    labels = {a["label"] for a in v0["addresses"] if a["family"] == 2}
    assert {"v0", "v0:1", "v0:lbl2"} <= labels
    assert ng.interface_details("w1", netns=lab.name)["master_name"] == "br0"
    assert ng.interface_details("mv0", netns=lab.name)["kind"] == "macvlan"
    tun0 = ng.interface_details("tun0", netns=lab.name)
    assert tun0["address"] is None and "POINTOPOINT" in tun0["flag_names"]
    assert {(a["address"], a["peer"]) for a in tun0["addresses"]} >= {("10.8.0.1", "10.8.0.2")}
    with pytest.raises(ValueError, match="valid interface name"):
        ng.interface_details("v0:1", netns=lab.name)  # labels are not links
    every = ng.interface_details(netns=lab.name)
    assert [d["name"] for d in every] == ng.interfaces(netns=lab.name)[:len(every)]
    assert len(every) == len([ln for ln in lab.ip("-o link show").splitlines() if ln.strip()])


def test_cli_table_and_json(lab):
    import json
    env = dict(os.environ, PYTHONPATH=os.path.join(os.path.dirname(ng.__file__), ".."))
    done = apply_routes(lab, ROUTE_CASES["both families, several metrics"])
    try:
        out = subprocess.run([SYSTEM_PYTHON, "-m", "netifaces_go", "--netns", lab.name],
                             capture_output=True, text=True, env=env, check=True).stdout
        assert "default inet: via 192.168.20.254 dev w0 metric 200" in out
        assert "default inet6: via 2001:db8:20::fe dev w0 metric 1" in out
        row = next(line for line in out.splitlines() if line.startswith("v0@v1 "))
        assert "02:00:00:00:00:01" in row and "192.168.10.1/24" in row and "fe80::1234/64" in row
        assert "192.168.10.5/24 (v0:1)" in row
        inside = lab.run([SYSTEM_PYTHON, "-m", "netifaces_go", "--json"], env=env)
        assert inside.returncode == 0, inside.stderr
        doc = json.loads(inside.stdout)
        assert [d["name"] for d in doc["interfaces"]] == [d["name"] for d in ng.interface_details(netns=lab.name)]
        assert doc["default_gateways"]["inet"]["nexthops"][0]["gateway"] == V4B
        one = subprocess.run([SYSTEM_PYTHON, "-m", "netifaces_go", "--netns", lab.name, "nope0"],
                             capture_output=True, text=True, env=env)
        assert one.returncode == 1 and "valid interface name" in one.stderr
    finally:
        undo_routes(lab, done)


# ---- names that are not UTF-8 ------------------------------------------------------

def test_non_utf8_interface_name():
    require_root()
    from netns import Netns
    bad = b"\xff\xfe"
    with Netns("nigutf") as ns:
        def ip(*argv):
            r = subprocess.run([b"ip", b"-n", ns.name.encode()] + list(argv), capture_output=True)
            assert r.returncode == 0, r.stderr
        ns.run(["sysctl", "-qw", "net.ipv6.conf.default.accept_dad=0"])
        ip(b"link", b"add", b"name", bad, b"type", b"veth", b"peer", b"name", b"ok0")
        ip(b"link", b"set", bad, b"address", b"02:00:00:00:00:aa")
        ip(b"link", b"set", b"ok0", b"address", b"02:00:00:00:00:bb")
        ip(b"link", b"set", bad, b"up")
        ip(b"link", b"set", b"ok0", b"up")
        ip(b"addr", b"add", b"10.9.0.1/24", b"dev", bad)
        ip(b"addr", b"add", b"10.9.1.1/24", b"dev", bad, b"label", bad + b":1")
        ip(b"addr", b"add", b"10.9.0.2/24", b"dev", b"ok0")
        ip(b"route", b"add", b"default", b"via", b"10.9.0.254", b"dev", bad)
        settle(ns)

        name = os.fsdecode(bad)
        assert name == "\udcff\udcfe"
        names = ng.interfaces(netns=ns.name)
        assert names == ["lo", name, "ok0", name + ":1"] or names == ["lo", "ok0", name, name + ":1"]
        # socket.if_nameindex() decodes link names the same way.
        ref = ns.python("import socket; print(repr([n for i, n in socket.if_nameindex()]))",
                        interpreter=SYSTEM_PYTHON, with_package=False)
        assert repr(names[:3]) + "\n" == ref
        got = ng.ifaddresses(name, netns=ns.name)
        assert got[17] == [{"addr": "02:00:00:00:00:aa", "broadcast": "ff:ff:ff:ff:ff:ff"}]
        assert got[2] == [{"addr": "10.9.0.1", "netmask": "255.255.255.0", "broadcast": "10.9.0.1"}]
        assert got[10] == [{"addr": "fe80::aa%" + name, "netmask": "ffff:ffff:ffff:ffff::/64"}] or \
            got[10][0]["addr"].endswith("%" + name)
        assert ng.ifaddresses(name + ":1", netns=ns.name)[2][0]["addr"] == "10.9.1.1"
        assert ng.allifaddresses(netns=ns.name)[name] == got
        assert ng.gateways(netns=ns.name) == {"default": {2: ("10.9.0.254", name)},
                                              2: [("10.9.0.254", name, True)]}
        assert ng.interface_details(name, netns=ns.name)["name"] == name
        assert ng.interface_details(bad, netns=ns.name)["address"] == "02:00:00:00:00:aa"
        assert ng.default_gateway(netns=ns.name)["nexthops"][0]["ifname"] == name
        # Other interfaces still agree with real netifaces (whose interfaces()
        # crashes in this namespace, spec §4).
        code = "import netifaces as N\nprint(repr([N.ifaddresses(n) for n in ('lo', 'ok0')]))\n"
        real = ns.python(code, interpreter=SYSTEM_PYTHON, with_package=False)
        assert repr([ng.ifaddresses(n, netns=ns.name) for n in ("lo", "ok0")]) + "\n" == real
        # The CLI prints the undecodable bytes escaped.
        env = dict(os.environ, PYTHONPATH=os.path.join(os.path.dirname(ng.__file__), ".."))
        out = subprocess.run([SYSTEM_PYTHON, "-m", "netifaces_go", "--netns", ns.name],
                             capture_output=True, text=True, env=env, check=True).stdout
        assert "\\xff\\xfe" in out
