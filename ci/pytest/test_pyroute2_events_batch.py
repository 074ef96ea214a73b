"""Events in the "pybatch" format (what IPRoute.get() uses): the messages are
exactly those the JSON Lines path builds, and overflows stay explicit."""
import errno
import json
import marshal
import time

import pytest

from conftest import require_root
from netns import Netns

NIG_EINVAL = -1000


def _shape(v):
    """Types and values all the way down (dict key order included)."""
    if isinstance(v, dict):
        return (type(v).__name__, [(k, _shape(x)) for k, x in v.items()])
    if isinstance(v, (list, tuple)):
        return (type(v).__name__, [_shape(x) for x in v])
    return (type(v).__name__, v)


def _drain_lines(api, sub, quiet=0.5, deadline=30):
    lines, end = [], time.monotonic() + deadline
    while time.monotonic() < end:
        data = api.nig_rtnl_events(sub, int(quiet * 1000))
        if not data:
            break
        lines += data.split(b"\n")
    return lines


def _drain_ipr(ipr, want, deadline=30):
    msgs, end = [], time.monotonic() + deadline
    while len(msgs) < want and time.monotonic() < end:
        msgs += ipr.get(timeout=0.5)
    return msgs


def test_pybatch_messages_equal_the_json_path():
    """Links (veth, bridge ports), addresses, routes with metrics and
    multipath, neighbours and rules, new and deleted: every message from
    get() equals, type for type, the one built from the JSON line."""
    require_root()
    from netifaces_go._ffi import api
    from netifaces_go.pyroute2 import IPRoute
    from netifaces_go.pyroute2 import _messages as M
    with Netns("nigpr2eq") as ns:
        conn = api.nig_rtnl_open(json.dumps({"netns": ns.name}).encode())  # JSON Lines
        sub = api.nig_rtnl_subscribe(conn, b"{}")
        try:
            with IPRoute(netns=ns.name) as ipr:
                ipr.bind()
                for cmd in ("link add v0 type veth peer name v1", "link add br0 type bridge",
                            "link set v0 master br0", "link set v0 up", "link set v1 up", "link set br0 up",
                            "addr add 10.0.0.1/24 dev v1", "addr add 2001:db8::1/64 dev v1 nodad",
                            "route add 10.3.0.0/24 via 10.0.0.2 metric 50 mtu 1300 hoplimit 16 table 100",
                            "route add 10.2.0.0/24 nexthop via 10.0.0.2 weight 1 nexthop via 10.0.0.3 weight 2",
                            "route add 2001:db8:1::/64 via 2001:db8::2 dev v1",
                            "neigh add 10.0.0.9 lladdr 00:11:22:33:44:55 dev v1",
                            "rule add from 10.0.0.0/8 table 100 prio 100",
                            "rule del from 10.0.0.0/8 table 100 prio 100",
                            "route del 10.2.0.0/24", "addr del 10.0.0.1/24 dev v1", "link del br0"):
                    ns.ip(cmd)
                lines = [l for l in _drain_lines(api, sub) if l]
                got = _drain_ipr(ipr, len(lines))
                info = ipr._events.info()
        finally:
            api.nig_close(sub)
            api.nig_close(conn)
    assert info["overflows"] == 0, info
    want = [M.from_dict(json.loads(l)) for l in lines]
    events = {m["event"] for m in want}
    assert {"RTM_NEWLINK", "RTM_DELLINK", "RTM_NEWADDR", "RTM_DELADDR", "RTM_NEWROUTE", "RTM_DELROUTE",
            "RTM_NEWNEIGH", "RTM_NEWRULE", "RTM_DELRULE"} <= events, events
    assert len(got) == len(want)
    for g, w in zip(got, want):
        assert type(g) is type(w)
        assert _shape(g) == _shape(w), w["event"]
        assert g.get_attr("RTA_DST") == w.get_attr("RTA_DST")
    mp = [m for m in got if m.get_attr("RTA_MULTIPATH")]
    assert mp and mp[0].get_attr("RTA_MULTIPATH")[1].get_attr("RTA_GATEWAY") == "10.0.0.3"
    metrics = [m for m in got if m.get_attr("RTA_METRICS")]
    assert metrics and metrics[0].get_nested("RTA_METRICS", "RTAX_MTU") == 1300
    links = [m for m in got if m["event"] == "RTM_NEWLINK"]
    assert links[0]["header"]["stats"].qsize == 0 and links[0]["header"]["target"] == "localhost"
    assert links[0]["__align"] == () and links[0]["state"] in ("up", "down")


def test_pybatch_queue_limit_overflow_in_order():
    """Raw pybatch results: the drop at max_queue is one OVERFLOW marker,
    listed in the overflow indices, and the re-dump follows it."""
    require_root()
    from netifaces_go._ffi import api
    n = 3000
    with Netns("nigpr2bq") as ns:
        ns.ip("link add v0 type veth peer name v1")
        ns.ip("link set v0 up")
        ns.ip("addr add 10.0.0.1/24 dev v0")
        conn = api.nig_rtnl_open(json.dumps({"netns": ns.name}).encode())
        sub = api.nig_rtnl_subscribe(conn, b'{"groups":64,"max_queue":4096,"format":"pybatch"}')
        try:
            ns.ip_batch([f"route add 23.0.{i >> 8}.{i & 255}/32 via 10.0.0.2 dev v0" for i in range(n)])
            deadline = time.monotonic() + 30
            while json.loads(api.nig_rtnl_info(sub))["dropped"] == 0 and time.monotonic() < deadline:
                time.sleep(0.05)
            msgs, over = [], []
            while True:
                data = api.nig_rtnl_events(sub, 1000)
                if not data:
                    break
                batch, slow, overflows = marshal.loads(data)
                assert slow == sorted(slow) and set(overflows) <= set(slow)
                assert [i for i, m in enumerate(batch) if m["event"] == "OVERFLOW"] == overflows
                over += [len(msgs) + i for i in overflows]
                msgs += batch
            info = json.loads(api.nig_rtnl_info(sub))
        finally:
            api.nig_close(sub)
            api.nig_close(conn)
    assert info["dropped"] > 0 and info["resyncs"] >= 1, info
    assert len(over) == 1 and msgs[over[0]]["header"]["error"] == errno.ENOBUFS
    want = {f"23.0.{i >> 8}.{i & 255}" for i in range(n)}
    after = {dict(m["attrs"]).get("RTA_DST") for m in msgs[over[0] + 1:]}
    before = {dict(m["attrs"]).get("RTA_DST") for m in msgs[:over[0]]}
    assert want <= before | after and len(after & want) > 0


def test_subscription_get_raises_once_at_the_overflow_then_resyncs():
    """Subscription.get(): the events before the drop, then OSError(ENOBUFS)
    once, then the re-dump; every route is seen."""
    require_root()
    from netifaces_go.pyroute2 import IPRoute
    from netifaces_go.pyroute2._events import Subscription
    n = 3000
    with Netns("nigpr2bs") as ns:
        ns.ip("link add v0 type veth peer name v1")
        ns.ip("link set v0 up")
        ns.ip("addr add 10.0.0.1/24 dev v0")
        with IPRoute(netns=ns.name) as ipr:
            s = Subscription(ipr._conn, 64, max_queue=4096)
            try:
                ns.ip_batch([f"route add 24.0.{i >> 8}.{i & 255}/32 via 10.0.0.2 dev v0" for i in range(n)])
                deadline = time.monotonic() + 30
                while s.info()["dropped"] == 0 and time.monotonic() < deadline:
                    time.sleep(0.05)
                seen, raised, calls = set(), 0, []
                while True:
                    try:
                        msgs = s.get(timeout=1)
                    except OSError as e:
                        assert e.errno == errno.ENOBUFS
                        raised += 1
                        calls.append("ENOBUFS")
                        continue
                    if not msgs:
                        break
                    calls.append(len(msgs))
                    assert all(m["event"] != "OVERFLOW" for m in msgs)
                    seen |= {m.get_attr("RTA_DST") for m in msgs}
                info = s.info()
            finally:
                s.close()
    assert raised == 1 == s.overflows and info["resyncs"] >= 1, (calls, info)
    assert calls[0] != "ENOBUFS" and calls[-1] != "ENOBUFS"
    assert {f"24.0.{i >> 8}.{i & 255}" for i in range(n)} <= seen


def test_subscribe_format_option():
    from netifaces_go import _ffi
    from netifaces_go._ffi import api
    conn = api.nig_rtnl_open(None)
    try:
        rc, data = _ffi.serve_raw("nig_rtnl_subscribe", (conn, b'{"groups":1,"format":"json"}'))
        assert rc == NIG_EINVAL and "pybatch" in json.loads(data)["message"]
        sub = api.nig_rtnl_subscribe(conn, b'{"groups":1,"format":"pybatch"}')
        try:
            assert api.nig_rtnl_events(sub, 0) == b""
        finally:
            api.nig_close(sub)
    finally:
        api.nig_close(conn)
