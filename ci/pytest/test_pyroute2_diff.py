"""Differential tests: our dumps against the real pyroute2 (Debian 0.7.2 under
/usr/bin/python3) in the same namespace.

Both sides must report the same objects in the same order with the same
header fields, attribute names and values. The only tolerated differences are
the ones documented in docs/rtnl-json.md ("Differences from pyroute2 0.7.2"),
listed here so that a new one fails the test:
- NEWER_NAMES: attributes this kernel sends that pyroute2 0.7.2 has no name
  for (it shows 'UNKNOWN'); we decode them;
- LONGER_STRUCTS: records the kernel grew since pyroute2 0.7.2 was written;
  pyroute2 keeps the fields it knows, we also keep the newer ones (named, or
  '__N' for array positions without a name); the common fields must agree;
- UNKNOWN values carry the payload as "raw" hex in addition to pyroute2's
  header;
- VOLATILE: counters and timers that move between the two dumps;
- nlmsghdr: sequence_number and pid belong to each socket; flags may carry
  NLM_F_DUMP_FILTERED (0x20) because we ask the kernel to filter.
"""
import json
import subprocess
import time

import pytest

from conftest import require_root
from netns import Netns

NEWER_NAMES = {
    "IFLA_ALLMULTI", "IFA_PROTO", "IFLA_BRPORT_LOCKED", "IFLA_BRPORT_MAB",
    "IFLA_BRPORT_NEIGH_VLAN_SUPPRESS", "IFLA_BRPORT_MCAST_EHT_HOSTS_LIMIT",
    "IFLA_BRPORT_MCAST_EHT_HOSTS_CNT", "IFLA_BRPORT_MCAST_N_GROUPS", "IFLA_BRPORT_MCAST_MAX_GROUPS",
    "RTA_UID",
}
LONGER_STRUCTS = {"IFLA_STATS64", "IFLA_STATS", "AF_INET", "IFLA_INET6_CONF", "IFLA_INET6_STATS",
                  "IFLA_INET6_ICMP6STATS"}
VOLATILE = {"IFLA_STATS64", "IFLA_STATS", "IFLA_INET6_STATS", "IFLA_INET6_ICMP6STATS",
            "IFLA_INET6_CACHEINFO", "NDA_CACHEINFO", "RTA_CACHEINFO", "IFA_CACHEINFO",
            "IFLA_BR_GC_TIMER", "IFLA_BR_HELLO_TIMER", "IFLA_BR_TCN_TIMER",
            "IFLA_BR_TOPOLOGY_CHANGE_TIMER", "IFLA_BRPORT_MESSAGE_AGE_TIMER",
            "IFLA_BRPORT_FORWARD_DELAY_TIMER", "IFLA_BRPORT_HOLD_TIMER", "IFLA_CARRIER_CHANGES",
            "IFLA_CARRIER_UP_COUNT", "IFLA_CARRIER_DOWN_COUNT"}

SETUP = """\
link add v0 type veth peer name v1
link add br0 type bridge
link set v1 master br0
link add mv0 link v0 type macvlan mode bridge
link add vx0 type vxlan id 42 dstport 4789 local 10.0.0.1
link set v0 mtu 1400
link set v0 addrgenmode none
link set v1 addrgenmode none
link set br0 addrgenmode none
link set mv0 addrgenmode none
link set vx0 addrgenmode none
link set v0 up
link set v1 up
link set br0 up
link set mv0 up
addr add 10.0.0.1/24 dev v0
addr add 10.0.0.5/24 dev v0 label v0:1
addr add 2001:db8::1/64 dev v0 nodad
addr add 192.168.7.1 peer 192.168.7.2/32 dev br0
route add 10.1.0.0/24 via 10.0.0.2 dev v0
route add 10.2.0.0/24 nexthop via 10.0.0.2 weight 2 nexthop via 10.0.0.3 weight 3
route add 10.3.0.0/24 via 10.0.0.2 table 100 metric 50 mtu 1300 hoplimit 16 proto static
route add blackhole 10.4.0.0/24
route add unreachable 10.5.0.0/24 table 1000
route add 2001:db8:1::/64 via 2001:db8::2 dev v0
neigh add 10.0.0.9 lladdr 00:11:22:33:44:55 dev v0
neigh add 2001:db8::9 lladdr 00:11:22:33:44:66 dev v0 nud stale
rule add from 10.0.0.0/8 table 100 priority 100
rule add fwmark 0x10/0xff iif v0 table 1000 priority 200
"""
SETUP_V6_RULE = "-6 rule add to 2001:db8::/32 table 100 priority 300"

# Runs under /usr/bin/python3 with Debian's pyroute2; prints JSON.
PYROUTE2_DUMP = """
import json
from pyroute2 import IPRoute
def conv(v):
    if type(v).__name__ == "nla_slot":
        return [v[0], conv(v[1])]
    if isinstance(v, dict):
        return {k: conv(x) for k, x in v.items() if k not in ("stats", "value") and not (k == "attrs" and x == [] and "header" in v and not v["header"])}
    if isinstance(v, (list, tuple)):
        return [conv(x) for x in v]
    return v
with IPRoute() as ipr:
    idx = ipr.link_lookup(ifname="v0")[0]
    out = {"links": ipr.get_links(), "addr": ipr.get_addr(), "routes": ipr.get_routes(),
           "neigh": ipr.get_neighbours(), "rules": ipr.get_rules(),
           "link_get": ipr.link("get", index=idx), "route_get": ipr.route("get", dst="10.1.0.7")}
    print(json.dumps({k: [conv(dict(m)) for m in v] for k, v in out.items()}))
"""


def _ours(ns):
    from netifaces_go.pyroute2 import IPRoute

    def conv(v):
        if isinstance(v, dict):
            return {k: conv(x) for k, x in v.items() if k != "stats"}
        if isinstance(v, (list, tuple)):
            return [conv(x) for x in v]
        return v
    with IPRoute(netns=ns.name) as ipr:
        idx = ipr.link_lookup(ifname="v0")[0]
        out = {"links": ipr.get_links(), "addr": ipr.get_addr(), "routes": ipr.get_routes(),
               "neigh": ipr.get_neighbours(), "rules": ipr.get_rules(),
               "link_get": ipr.link("get", index=idx), "route_get": ipr.route("get", dst="10.1.0.7")}
        return {k: [conv(dict(m)) for m in v] for k, v in out.items()}


class Differences:
    def __init__(self):
        self.unexpected = []
        self.newer = set()
        self.longer = set()

    def compare(self, ref, got, path, attr=None):
        volatile = attr in VOLATILE
        if isinstance(ref, dict) and isinstance(got, dict):
            for k in ref:
                if k not in got:
                    self.unexpected.append(f"{path}/{k}: missing")
                elif path.endswith("/header") and k in ("sequence_number", "pid"):
                    continue
                elif path.endswith("/header") and k == "flags":
                    if ref[k] & ~0x20 != got[k] & ~0x20:
                        self.unexpected.append(f"{path}/flags: {ref[k]} != {got[k]}")
                else:
                    self.compare(ref[k], got[k], f"{path}/{k}", attr)
            extra = [k for k in got if k not in ref]
            if extra:
                if attr in LONGER_STRUCTS and "attrs" not in got:
                    self.longer.add(attr)
                elif attr == "UNKNOWN" and extra == ["raw"]:
                    pass
                elif path.endswith("/header") and set(extra) <= {"target"}:
                    pass
                else:
                    self.unexpected.append(f"{path}: extra keys {extra}")
            return
        if isinstance(ref, list) and isinstance(got, list):
            pairs = ref and isinstance(ref[0], list) and len(ref[0]) == 2 and isinstance(ref[0][0], str)
            if len(ref) != len(got):
                self.unexpected.append(f"{path}: {len(ref)} items != {len(got)}")
                return
            for i, (r, g) in enumerate(zip(ref, got)):
                if pairs and isinstance(g, list):
                    if r[0] == "UNKNOWN" and g[0] != "UNKNOWN":
                        if g[0] in NEWER_NAMES:
                            self.newer.add(g[0])
                        else:
                            self.unexpected.append(f"{path}: pyroute2 UNKNOWN is {g[0]} here")
                        continue
                    if r[0] != g[0]:
                        self.unexpected.append(f"{path}[{i}]: {r[0]} != {g[0]}")
                        continue
                    self.compare(r[1], g[1], f"{path}/{r[0]}", r[0])
                else:
                    self.compare(r, g, f"{path}[{i}]", attr)
            return
        if type(ref) is not type(got) and not (isinstance(ref, int) and isinstance(got, int)):
            self.unexpected.append(f"{path}: type {type(ref).__name__} != {type(got).__name__}")
        elif ref != got and not volatile:
            self.unexpected.append(f"{path}: {ref!r} != {got!r}")


@pytest.fixture(scope="module")
def dumps():
    require_root()
    if subprocess.run(["/usr/bin/python3", "-c", "import pyroute2"], capture_output=True).returncode:
        pytest.skip("Debian python3-pyroute2 is not installed for /usr/bin/python3")
    with Netns("nigpr2diff") as ns:
        ns.ip_batch(SETUP.splitlines())
        ns.ip(SETUP_V6_RULE)
        time.sleep(1)  # let carrier and neighbour state settle
        ref = json.loads(ns.python(PYROUTE2_DUMP, interpreter="/usr/bin/python3", with_package=False))
        got = _ours(ns)
    return ref, got


@pytest.mark.parametrize("what", ["links", "addr", "routes", "neigh", "rules", "link_get", "route_get"])
def test_same_objects_fields_and_attributes_as_pyroute2(dumps, what):
    ref, got = dumps
    assert len(ref[what]) == len(got[what]) > 0
    d = Differences()
    for i, (r, g) in enumerate(zip(ref[what], got[what])):
        assert list(r) == [k for k in g if k in r], f"{what}[{i}] key order"
        d.compare(r, g, f"{what}[{i}]")
    assert not d.unexpected, "\n".join(d.unexpected[:40])


def test_every_documented_difference_is_still_needed(dumps):
    """The lists above must not hide more than this kernel produces."""
    ref, got = dumps
    d = Differences()
    for what in ref:
        for i, (r, g) in enumerate(zip(ref[what], got[what])):
            d.compare(r, g, f"{what}[{i}]")
    assert d.newer == NEWER_NAMES, sorted(NEWER_NAMES ^ d.newer)
    assert d.longer == LONGER_STRUCTS, sorted(LONGER_STRUCTS ^ d.longer)


def test_message_accessors_agree_with_pyroute2(dumps):
    """get()/get_attr()/get_nested() answers, computed by each library."""
    require_root()
    code = """
import json
from pyroute2 import IPRoute
with IPRoute() as ipr:
    idx = ipr.link_lookup(ifname="br0")[0]
    (br,) = ipr.link("get", index=idx)
    v0 = ipr.link("get", index=ipr.link_lookup(ifname="v0")[0])[0]
    mp = [r for r in ipr.get_routes(family=2) if r.get_attr("RTA_DST") == "10.2.0.0"][0]
    print(json.dumps([br.get_attr("IFLA_IFNAME"), br.get_nested("IFLA_LINKINFO", "IFLA_INFO_KIND"),
                      br.get(("linkinfo", "data", "br_forward_delay")), br.get("index"),
                      v0.get_attr("IFLA_MTU"), v0.get_attrs("IFLA_IFNAME"), v0["flags"],
                      [h["hops"] for h in mp.get_attr("RTA_MULTIPATH")],
                      [h.get_attr("RTA_GATEWAY") for h in mp.get_attr("RTA_MULTIPATH")],
                      mp.get("table"), mp.get("nonexistent", 7)]))
"""
    with Netns("nigpr2acc") as ns:
        ns.ip_batch(SETUP.splitlines())
        ref = json.loads(ns.python(code, interpreter="/usr/bin/python3", with_package=False))
        from netifaces_go.pyroute2 import IPRoute
        with IPRoute(netns=ns.name) as ipr:
            (br,) = ipr.link("get", index=ipr.link_lookup(ifname="br0")[0])
            v0 = ipr.link("get", index=ipr.link_lookup(ifname="v0")[0])[0]
            mp = [r for r in ipr.get_routes(family=2) if r.get_attr("RTA_DST") == "10.2.0.0"][0]
            got = [br.get_attr("IFLA_IFNAME"), br.get_nested("IFLA_LINKINFO", "IFLA_INFO_KIND"),
                   br.get(("linkinfo", "data", "br_forward_delay")), br.get("index"),
                   v0.get_attr("IFLA_MTU"), v0.get_attrs("IFLA_IFNAME"), v0["flags"],
                   [h["hops"] for h in mp.get_attr("RTA_MULTIPATH")],
                   [h.get_attr("RTA_GATEWAY") for h in mp.get_attr("RTA_MULTIPATH")],
                   mp.get("table"), mp.get("nonexistent", 7)]
            # 0.9 semantics (0.7.2 answers None for short attribute names, a bug fixed in 0.7.3)
            assert mp.get("dst") == "10.2.0.0" and br.get("ifname") == "br0"
    assert got == ref
    assert got[7] == [1, 2]  # hops = weight - 1 (ip route showed weights 2 and 3)
