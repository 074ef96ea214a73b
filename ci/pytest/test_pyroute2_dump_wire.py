"""Dumps delivered as the kernel sent them (chunks (n, wire) of nig_rtnl_next).

Unfiltered dumps on the binding's marshal connections hand Python chunks of
undecoded messages; each lazy message refers to its chunk, which the library
encodes (nig_rtnl_marshal) when one of its messages is first read. These tests
hold that path to the decoded one: same messages, same laziness contract.
"""
import json
import pickle
import threading

import pytest

from conftest import require_root
from netns import Netns

N_ROUTES = 1000  # several chunks of at most 256 messages


@pytest.fixture(scope="module")
def ns():
    require_root()
    with Netns("nigwire") as n:
        n.ip_batch(["link add v0 type veth peer name v1", "link set v0 up", "link set v1 up",
                    "addr add 10.0.0.1/24 dev v0", "addr add 2001:db8::1/64 dev v0"]
                   + [f"route add 20.0.{i >> 8}.{i & 255}/32 via 10.0.0.2 dev v0 metric {i}"
                      for i in range(N_ROUTES)]
                   + ["route add 2001:db8:1::/64 via 2001:db8::2 dev v0",
                      "route add 30.0.0.0/24 dev v0 mtu 1300 advmss 1200",
                      "route add 31.0.0.0/24 nexthop via 10.0.0.2 weight 2 nexthop via 10.0.0.3",
                      "route add table 1000 32.0.0.0/24 via 10.0.0.2"])
        yield n


# Values the kernel changes between two dumps (counters, timestamps).
VOLATILE = {"IFLA_STATS", "IFLA_STATS64", "IFLA_AF_SPEC", "IFLA_CARRIER_CHANGES",
            "IFLA_CARRIER_UP_COUNT", "IFLA_CARRIER_DOWN_COUNT", "RTA_CACHEINFO",
            "IFA_CACHEINFO", "NDA_CACHEINFO", "NDA_PROBES"}


def plain(msgs):
    """Messages as plain data without the dump's sequence numbers and the
    values the kernel changes between two dumps."""
    out = []
    for m in msgs:
        d = json.loads(json.dumps(m))
        d["header"].pop("sequence_number")
        d["attrs"] = [a for a in d["attrs"] if a[0] not in VOLATILE]
        out.append(d)
    return out


def dump(ns, obj, args, fmt):
    from netifaces_go.pyroute2 import _messages as M
    from netifaces_go.pyroute2._transport import Connection, encode_call
    cls = {"route": M.rtmsg, "link": M.ifinfmsg, "addr": M.ifaddrmsg, "neigh": M.ndmsg, "rule": M.fibmsg}
    conn = Connection(ns.name, fmt=fmt)
    try:
        raws = conn.dump(encode_call(obj, "dump", args))
        return raws, tuple(M.lazy(raws, cls[obj]))
    finally:
        conn.close()


@pytest.mark.parametrize("obj, args", [
    ("route", {"family": 255}),
    ("route", {"family": 2}),
    ("link", {}),
    ("addr", {"family": 0}),
    ("neigh", {}),
    ("rule", {}),
])
def test_wire_chunks_give_the_decoded_messages(ns, obj, args):
    from netifaces_go.pyroute2._transport import WireRaw
    for _ in range(5):  # neighbours may come and go between two dumps
        raws, wire = dump(ns, obj, args, "marshal")
        _, lines = dump(ns, obj, args, "jsonl")
        assert raws and all(type(r) is WireRaw for r in raws)
        if plain(wire) == plain(lines):
            break
    assert plain(wire) == plain(lines)
    if obj == "route" and args["family"] == 255:
        assert len(wire) > N_ROUTES
        assert len({id(r[0]) for r in raws}) >= N_ROUTES // 256  # several chunks
        assert max(r[1] for r in raws) < 256


def test_filtered_dumps_stay_decoded(ns):
    from netifaces_go.pyroute2 import IPRoute
    with IPRoute(netns=ns.name) as ipr:
        main = ipr.get_routes(family=2, table=254)
        assert main and all(type(m._raw) is bytes for m in main if m._raw is not None)
        assert {m["table"] for m in main} == {254}
        big = ipr.get_routes(table=1000)
        assert [m.get_attr("RTA_DST") for m in big] == ["32.0.0.0"]
        assert [m.get_attr("RTA_TABLE") for m in big] == [1000]


def test_one_conversion_per_chunk(ns, monkeypatch):
    from netifaces_go._ffi import api
    from netifaces_go.pyroute2 import IPRoute
    calls = []
    real = api.nig_rtnl_marshal

    def counting(wire):
        calls.append(len(wire))
        return real(wire)

    with IPRoute(netns=ns.name) as ipr:
        routes = ipr.get_routes(family=2)
        monkeypatch.setattr(api, "nig_rtnl_marshal", counting)
        chunks = {id(m._raw[0]) for m in routes}
        dsts = [m.get_attr("RTA_DST") for m in routes]
    assert len(calls) == len(chunks) and len(chunks) >= N_ROUTES // 256
    assert dsts.count("20.0.3.231") == 1 and all(m._raw is None for m in routes)
    metric = {m.get_attr("RTA_DST"): m.get_attr("RTA_PRIORITY") for m in routes}
    assert metric["20.0.1.44"] == 300


def test_unread_wire_messages_behave_as_messages(ns):
    from netifaces_go.pyroute2 import IPRoute
    from netifaces_go.pyroute2._messages import rtmsg
    with IPRoute(netns=ns.name) as ipr:
        fresh = ipr.get_routes(family=2)
        read = ipr.get_routes(family=2)
        for m in read:
            m["attrs"]
    # json.dumps of never-read messages, equality, pickling, dict(), iteration
    assert plain(fresh) == plain(read)
    m = ipr_routes_unread(ns)[0]
    assert isinstance(m, rtmsg) and isinstance(m, dict) and m == read[0] | {"header": m["header"]}
    again = pickle.loads(pickle.dumps(ipr_routes_unread(ns)[5]))
    assert again["event"] == "RTM_NEWROUTE" and type(again) is rtmsg
    unread = ipr_routes_unread(ns)
    assert dict(unread[3])["family"] == 2 and list(unread[4])[-1] == "event"
    mp = [r for r in ipr_routes_unread(ns) if r.get_attr("RTA_MULTIPATH")]
    assert len(mp) == 1 and [h["hops"] for h in mp[0].get_attr("RTA_MULTIPATH")] == [1, 0]
    mtu = [r for r in ipr_routes_unread(ns) if r.get_attr("RTA_DST") == "30.0.0.0"]
    assert mtu[0].get_nested("RTA_METRICS", "RTAX_MTU") == 1300


def ipr_routes_unread(ns):
    from netifaces_go.pyroute2 import IPRoute
    with IPRoute(netns=ns.name) as ipr:
        return ipr.get_routes(family=2)


def test_threads_reading_one_chunk(ns):
    routes = ipr_routes_unread(ns)
    got = [None] * 4
    start = threading.Barrier(4)

    def read(k):
        start.wait()
        got[k] = [m.get_attr("RTA_DST") for m in routes]

    threads = [threading.Thread(target=read, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert got[0] == got[1] == got[2] == got[3] and "20.0.0.7" in got[0]
