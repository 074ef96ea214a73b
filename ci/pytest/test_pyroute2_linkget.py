"""link('get') takes a single-link fast path (nig_rtnl_get_link with the
kernel's answer kept undecoded until read); it must give exactly what the
generic request path gives: same classes, keys, values, errors.

Each test works in a throwaway namespace with IPv6 off, so no traffic changes
the link counters between the two requests being compared.
"""
import copy
import json
import marshal
import pickle
import struct

import pytest

from conftest import require_root
from netns import Netns


@pytest.fixture(scope="module")
def ns():
    require_root()
    with Netns("niglget") as n:
        r = n.run(["sysctl", "-qw", "net.ipv6.conf.all.disable_ipv6=1",
                   "net.ipv6.conf.default.disable_ipv6=1"])
        assert r.returncode == 0, r.stderr
        n.ip_batch(["link add v0 type veth peer name v1", "link add br0 type bridge",
                    "link set v1 master br0", "link set v0 up", "link set v1 up",
                    "link add vx0 type vxlan id 42 dstport 4789 local 10.9.0.1",
                    "link add mv0 link v0 type macvlan mode bridge",
                    "link set dev v0 mtu 1400"])
        yield n


@pytest.fixture
def ipr(ns):
    from netifaces_go.pyroute2 import IPRoute
    with IPRoute(netns=ns.name) as i:
        yield i


def generic(ipr, **kw):
    """The generic request path for link get (a JSON request document)."""
    return ipr._call("link", "get", dict(kw))


def norm(msgs):
    """Messages as comparable data: class, key order, and every value, with the
    sequence number (different for every request) removed."""
    out = []
    for m in msgs:
        d = dict(m)
        h = dict(d["header"])
        h.pop("sequence_number")
        d["header"] = h
        out.append((type(m).__name__, list(m.keys()), d))
    return out


def same_twice(fn):
    """Compares up to three times: a counter may tick between two requests."""
    for attempt in range(3):
        a, b = fn()
        if a == b:
            return
    assert a == b


def link_names(ns):
    return [(l["ifindex"], l["ifname"]) for l in ns.ip_json("link show")]


def test_fast_path_equals_generic_path(ipr, ns):
    links = link_names(ns)
    assert {"lo", "v0", "v1", "br0", "vx0", "mv0"} <= {n for _, n in links}
    for index, name in links:
        for kw in ({"index": index}, {"ifname": name}, {"index": index, "ifname": name}):
            same_twice(lambda: (norm(ipr.link("get", **kw)), norm(generic(ipr, **kw))))
            (m,) = ipr.link("get", **kw)
            assert m["index"] == index and m.get_attr("IFLA_IFNAME") == name
    (v0,) = ipr.link("get", ifname="v0")
    assert v0.get_attr("IFLA_MTU") == 1400 and v0.get(("linkinfo", "kind")) == "veth"
    assert v0["state"] == "up" and v0["event"] == "RTM_NEWLINK"
    (vx,) = ipr.link("get", ifname="vx0")
    assert vx.get_nested("IFLA_LINKINFO", "IFLA_INFO_DATA", "IFLA_VXLAN_ID") == 42


def test_results_byte_identical(ipr, ns):
    """The library's bytes: the marshal result of the kernel's answer equals
    what nig_rtnl_request returns (sequence number set equal), and so does
    nig_rtnl_get_link's own encoding (wire=0)."""
    from netifaces_go._ffi import api
    h = ipr._conn.handle
    for index, name in link_names(ns):
        req = json.dumps({"object": "link", "cmd": "get", "args": {"index": index}}).encode()

        def pair():
            want = api.nig_rtnl_request(h, req)
            seq = marshal.loads(marshal.loads(want)[0])["header"]["sequence_number"]
            wire = bytearray(api.nig_rtnl_get_link(h, index, None, 1))
            struct.pack_into("=I", wire, 8, seq)
            return api.nig_rtnl_marshal(bytes(wire)), want
        same_twice(pair)

        def decoded(data):
            (blob,) = marshal.loads(data)
            d = marshal.loads(blob)
            d["header"]["sequence_number"] = 0
            return d
        same_twice(lambda: (decoded(api.nig_rtnl_get_link(h, 0, name.encode(), 0)),
                            decoded(api.nig_rtnl_request(h, req))))


def test_errors_identical(ipr):
    from netifaces_go.pyroute2 import NetlinkError
    for kw in ({"ifname": "nonexist"}, {"index": 999999}, {"ifname": ""},
               {"ifname": "a-name-longer-than-ifnamsiz"}, {"index": 999999, "ifname": "lo"}):
        with pytest.raises(NetlinkError) as fast:
            ipr.link("get", **kw)
        with pytest.raises(NetlinkError) as gen:
            generic(ipr, **kw)
        assert fast.value.args == gen.value.args and fast.value.code == gen.value.code, kw
        assert fast.value.extack == gen.value.extack, kw
    with pytest.raises(NetlinkError) as e:
        ipr.link("get", ifname="nonexist")
    assert e.value.args == (19, "No such device")
    with pytest.raises(ValueError) as fast:
        ipr.link("get", ifname="x\x00y")
    with pytest.raises(ValueError) as gen:
        generic(ipr, ifname="x\x00y")
    assert str(fast.value) == str(gen.value) and "NUL" in str(fast.value)


def test_which_calls_take_the_fast_path(ipr, monkeypatch):
    """Only index= (int, 0..2**31-1) and/or ifname= (str, valid UTF-8) take it;
    everything else goes to the generic path, whose answers and errors stay."""
    from netifaces_go.pyroute2 import iproute
    calls = []
    real = type(ipr._conn).get_link
    monkeypatch.setattr(type(ipr._conn), "get_link",
                        lambda self, *a: calls.append(a) or real(self, *a))
    assert ipr.link("get", index=1)[0]["index"] == 1
    assert ipr.link("get", ifname="lo")[0]["index"] == 1
    assert ipr.link("get", index=1, ifname="lo")[0]["index"] == 1
    assert calls == [(1, None), (0, b"lo"), (1, b"lo")]
    for kw in ({"index": True}, {"index": [1]}, {"index": 1, "ext_mask": 1},
               {"index": 2**31}, {"index": -1}, {"index": 0}, {"ifname": "lo\udcff"},
               {"index": 0, "ifname": None}, {"ifname": b"lo"}):
        assert iproute._link_get_args(kw) is None, kw
    # The generic path answers those (here: all index 1).
    for kw in ({"index": True}, {"index": [1]}, {"index": 1, "ext_mask": 1}):
        assert [m["index"] for m in ipr.link("get", **kw)] == [1], kw
    assert len(calls) == 3
    assert ipr.link_lookup(ifname="lo") == [1] and ipr.link_lookup(ifname="nonexist") == []
    assert calls[3:] == [(0, b"lo"), (0, b"nonexist")]


def test_lazy_message_reads_header_then_decodes(ipr):
    (m,) = ipr.link("get", ifname="v0")
    lazy = type(m)
    assert lazy.__dict__.get("__real__") is not None  # not decoded yet
    assert isinstance(m, dict) and type(m).__name__ == "ifinfmsg"
    idx, flags = m["index"], m["flags"]
    assert m["family"] == 0 and m["__align"] == () and m["ifi_type"] == 1 and m["change"] == 0
    assert type(m) is lazy  # header fields alone leave it undecoded
    (g,) = generic(ipr, index=idx)
    assert idx == g["index"] and flags == g["flags"]
    assert m["attrs"] == g["attrs"]  # decodes
    assert type(m) is type(g) and type(m).__dict__.get("__real__") is None
    with pytest.raises(KeyError):
        m["nonexistent"]


@pytest.mark.parametrize("op", [
    lambda x: json.loads(json.dumps(x)), lambda x: pickle.loads(pickle.dumps(x)),
    copy.deepcopy, copy.copy, dict, sorted, repr, len, str, list,
    lambda x: x.get_attr("IFLA_MTU"), lambda x: x.get("ifname"), lambda x: "attrs" in x,
    lambda x: x.get_nested("IFLA_LINKINFO", "IFLA_INFO_KIND"), lambda x: list(x.items()),
], ids=["json", "pickle", "deepcopy", "copy", "dict", "sorted", "repr", "len", "str", "list",
        "get_attr", "get", "contains", "get_nested", "items"])
def test_every_access_of_an_undecoded_message(ipr, op):
    """Whatever touches an undecoded message sees what the generic path's
    message gives (its sequence number set equal)."""
    for attempt in range(3):
        f = ipr.link("get", ifname="v0")[0]
        assert type(f).__dict__.get("__real__") is not None
        got = op(f)
        g = generic(ipr, ifname="v0")[0]
        g["header"]["sequence_number"] = f["header"]["sequence_number"]
        want = op(g)
        if got == want:
            break
    assert got == want


def test_equality_both_ways(ipr):
    def pair():
        a = ipr.link("get", index=1)[0]
        b = generic(ipr, index=1)[0]
        b["header"]["sequence_number"] = a["header"]["sequence_number"]
        return a, b
    a, b = pair()
    assert a == b and b == a and not (a != b)
    a, b = pair()
    assert b == a  # the decoded message on the left


def test_fork_child_uses_the_fast_path(ns):
    """A child forked after the library was loaded is served by a helper
    process; the fast path and the deferred decoding work through it."""
    out = ns.python("""
import json, os
from netifaces_go.pyroute2 import IPRoute
with IPRoute() as ipr:
    parent = ipr.link("get", ifname="v0")[0].get_attr("IFLA_MTU")
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    with IPRoute() as ipr:
        (m,) = ipr.link("get", ifname="v0")
        res = [m["index"] > 0, m.get_attr("IFLA_MTU"), m.get(("linkinfo", "kind"))]
    os.write(w, json.dumps(res).encode())
    os._exit(0)
os.close(w)
data = os.read(r, 65536)
os.waitpid(pid, 0)
print(json.dumps([parent, json.loads(data)]))
""")
    assert json.loads(out.strip().splitlines()[-1]) == [1400, [True, 1400, "veth"]]


def test_threads_decoding_one_message(ipr):
    """Threads reading one undecoded message at once all see it whole (the
    library call that encodes it releases the GIL mid-decoding)."""
    import sys
    import threading
    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    try:
        for _ in range(50):
            (m,) = ipr.link("get", ifname="v0")
            got, errors = [None] * 4, []
            start = threading.Barrier(4)

            def read(k):
                start.wait()
                try:
                    got[k] = (m.get_attr("IFLA_MTU"), m["index"], len(m["attrs"]), m["state"])
                except BaseException as e:  # noqa: BLE001 - reported below
                    errors.append(e)
            threads = [threading.Thread(target=read, args=(k,)) for k in range(4)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            assert not errors and got[0] == got[1] == got[2] == got[3], (errors, got)
            assert got[0][0] == 1400 and got[0][3] == "up"
    finally:
        sys.setswitchinterval(old)
