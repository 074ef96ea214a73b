"""Message objects: pyroute2's dict shape and accessors, built lazily.

No kernel needed: the messages are made from JSON lines as the library
returns them.
"""
import copy
import json
import pickle

import pytest

LINK = (b'{"family":0,"__align":[],"ifi_type":1,"index":3,"flags":4099,"change":0,'
        b'"attrs":[["IFLA_IFNAME","v0"],["IFLA_MTU",1400],["UNKNOWN",{"header":{"length":5,"type":67},"raw":"01"}],'
        b'["IFLA_LINKINFO",{"attrs":[["IFLA_INFO_KIND","bridge"],["IFLA_INFO_DATA",{"attrs":[["IFLA_BR_FORWARD_DELAY",1500]]}]]}],'
        b'["IFLA_STATS64",{"rx_packets":1,"tx_packets":2}],["IFLA_ALT_IFNAME","a"],["IFLA_ALT_IFNAME","b"]],'
        b'"header":{"length":1492,"type":16,"flags":2,"sequence_number":270,"pid":7673,"error":null},'
        b'"state":"up","event":"RTM_NEWLINK"}')
ROUTE = (b'{"family":2,"dst_len":24,"src_len":0,"tos":0,"table":254,"proto":4,"scope":0,"type":1,"flags":0,'
         b'"attrs":[["RTA_TABLE",254],["RTA_DST","10.2.0.0"],["RTA_METRICS",{"attrs":[["RTAX_MTU",1300]]}],'
         b'["RTA_MULTIPATH",[{"flags":0,"hops":1,"oif":3,"attrs":[["RTA_GATEWAY","10.0.0.2"]]},'
         b'{"flags":0,"hops":2,"oif":3,"attrs":[["RTA_GATEWAY","10.0.0.3"]]}]]],'
         b'"header":{"length":88,"type":24,"flags":2,"sequence_number":1,"pid":2,"error":null},"event":"RTM_NEWROUTE"}')
ACK = (b'{"error":0,"attrs":[],"header":{"length":36,"type":2,"flags":256,"sequence_number":5,"pid":6,"error":0},'
       b'"event":"NLMSG_ERROR"}')


def lazy(line, cls=None):
    from netifaces_go.pyroute2 import _messages as M
    return M.lazy([line], cls)[0]


def test_pyroute2_shape_and_key_order():
    from netifaces_go.pyroute2 import ifinfmsg
    m = lazy(LINK)
    assert isinstance(m, dict) and isinstance(m, ifinfmsg)
    assert list(m) == ["family", "__align", "ifi_type", "index", "flags", "change", "attrs", "header",
                       "state", "event"]
    assert m["__align"] == () and m["index"] == 3 and m["flags"] & 1
    assert m["attrs"][0] == ("IFLA_IFNAME", "v0") and isinstance(m["attrs"][0], tuple)
    assert dict(m["attrs"])["IFLA_MTU"] == 1400
    assert m["attrs"][2] == ("UNKNOWN", {"header": {"length": 5, "type": 67}, "raw": "01"})
    h = m["header"]
    assert h["type"] == 16 and h["error"] is None and h["target"] == "localhost"
    assert tuple(h["stats"]) == (0, 0, 0) and h["stats"].qsize == 0
    assert m["event"] == "RTM_NEWLINK" and m["state"] == "up"


def test_accessors_09_semantics():
    m = lazy(LINK)
    assert m.get_attr("IFLA_IFNAME") == "v0" and m.get_attr("ifname") == "v0"
    assert m.get_attr("IFLA_NOPE") is None and m.get_attr("IFLA_NOPE", 5) == 5
    assert m.get_attrs("IFLA_ALT_IFNAME") == ["a", "b"] and m.get_attrs("nope") == []
    assert m.get_nested("IFLA_LINKINFO", "IFLA_INFO_KIND") == "bridge"
    assert m.get_nested("IFLA_LINKINFO", "IFLA_NOPE", "X") is None
    assert m.get("ifname") == "v0"  # 0.9 (0.7.2 returned None)
    assert m.get("index") == 3 and m.get("nope") is None and m.get("nope", 1) == 1
    assert m.get(("linkinfo", "kind")) == "bridge"
    assert m.get(("linkinfo", "data", "br_forward_delay")) == 1500
    assert m.get(("stats64", "rx_packets")) == 1  # plain dicts are followed too
    linkinfo = m.get_attr("IFLA_LINKINFO")
    assert isinstance(linkinfo, dict) and linkinfo.get_attr("IFLA_INFO_KIND") == "bridge"
    assert linkinfo.get_attr("kind") == "bridge" and linkinfo["attrs"][0] == ("IFLA_INFO_KIND", "bridge")
    assert type(m).name2nla("address") == "IFLA_ADDRESS" and type(m).nla2name("IFLA_ADDRESS") == "address"


def test_multipath_hops_and_metrics():
    r = lazy(ROUTE)
    hops = r.get_attr("RTA_MULTIPATH")
    assert [h["hops"] for h in hops] == [1, 2]  # rtnh_hops = weight - 1
    assert [h.get_attr("RTA_GATEWAY") for h in hops] == ["10.0.0.2", "10.0.0.3"]
    assert hops[0].get("gateway") == "10.0.0.2"
    assert r.get_nested("RTA_METRICS", "RTAX_MTU") == 1300 and r.get(("metrics", "mtu")) == 1300
    assert r.get("dst") == "10.2.0.0" and r.get("table") == 254


def test_lazy_objects_materialise_once_on_any_access():
    from netifaces_go.pyroute2 import _messages as M
    for probe in (len, repr, str, list, dict, bool, lambda m: m.items(), lambda m: "index" in m,
                  lambda m: m.keys(), lambda m: m.copy(), lambda m: json.dumps(m), copy.deepcopy,
                  lambda m: m == lazy(LINK), lambda m: {**m}, lambda m: m.get_attr("IFLA_MTU")):
        m = lazy(LINK)
        assert type(m) is not M.ifinfmsg  # still lazy
        probe(m)
        assert type(m) is M.ifinfmsg, probe
        assert m["index"] == 3 and len(m) == 10 and "__lazy__" not in m
    m = lazy(LINK)
    assert json.loads(json.dumps(m))["attrs"][0] == ["IFLA_IFNAME", "v0"]


def test_equality_copy_pickle():
    a, b = lazy(LINK), lazy(LINK)
    assert a == b and not (a != b) and a != lazy(ROUTE)
    plain = dict(lazy(LINK))
    assert lazy(LINK) == plain and plain == lazy(LINK)
    assert copy.deepcopy(a) == a
    r = pickle.loads(pickle.dumps(lazy(ROUTE)))
    assert r == lazy(ROUTE) and type(r).__name__ == "rtmsg"
    m = lazy(ROUTE)
    m["table"] = 100  # messages are mutable dicts, like pyroute2's
    assert m["table"] == 100
    with pytest.raises(TypeError):
        hash(lazy(ROUTE))


def test_class_from_event_for_mixed_results():
    from netifaces_go.pyroute2 import nlmsgerr, rtmsg
    from netifaces_go.pyroute2 import _messages as M
    msgs = M.lazy([ACK, ROUTE])
    assert isinstance(msgs[0], nlmsgerr) and msgs[0]["header"]["error"] == 0
    assert isinstance(msgs[1], rtmsg)
    assert msgs[0]["event"] == "NLMSG_ERROR"


def test_netlink_error_shape():
    from netifaces_go import _errors
    from netifaces_go.pyroute2 import NetlinkDumpInterrupted, NetlinkError
    e = NetlinkError(17)
    assert e.args == (17, "File exists") and e.code == 17
    assert NetlinkError is _errors.NetlinkError
    e = _errors.exception_for(-19, b'{"code":-19,"errno":0,"kind":"NetlinkError",'
                                   b'"message":"rtnl: RTM_GETLINK: no such device"}')
    assert isinstance(e, NetlinkError) and e.args == (19, "No such device")
    assert e.extack == "rtnl: RTM_GETLINK: no such device"
    d = _errors.exception_for(-4, b'{"code":-4,"errno":0,"kind":"NetlinkDumpInterrupted","message":"x"}')
    assert isinstance(d, NetlinkDumpInterrupted) and isinstance(d, NetlinkError)


def test_dump_filter_split():
    from netifaces_go.pyroute2.iproute import _split_filter
    plain, f = _split_filter({"table": 254, "dst": "10.0.0.0"})
    assert plain == {"table": 254, "dst": "10.0.0.0"} and f is None
    plain, f = _split_filter({"table": lambda t: t > 100, "proto": 4})
    assert plain == {"proto": 4}
    assert f(lazy(ROUTE)) is True
    r = lazy(ROUTE)
    plain, f = _split_filter(lambda m: m["family"] == 2)
    assert plain == {} and f(r)
    with pytest.raises(TypeError):
        _split_filter(3)
