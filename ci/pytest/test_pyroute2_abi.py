"""The rtnl C ABI through _ffi: handles, documents, chunks and errors."""
import json
import os
import threading

import pytest

from conftest import require_root
from netns import Netns

NIG_EINVAL, NIG_EJSON, NIG_EHANDLE, NIG_EVALUE = -1000, -1001, -1002, -1008


def raw(name, *args):
    from netifaces_go import _ffi
    return _ffi.serve_raw(name, args)


def err(data):
    return json.loads(data)


@pytest.fixture
def conn():
    from netifaces_go._ffi import api
    h = api.nig_rtnl_open(None)
    yield h
    try:
        api.nig_close(h)
    except ValueError:
        pass


def test_open_info_close(conn):
    from netifaces_go._ffi import api
    info = json.loads(api.nig_rtnl_info(conn))
    assert info["kind"] == "connection" and info["fd"] > 2 and info["netns"] is None
    assert isinstance(info["strict_check"], bool) and info["pid"] > 0
    api.nig_close(conn)
    rc, data = raw("nig_close", conn)
    assert rc == NIG_EHANDLE and "already closed" in err(data)["message"]
    rc, data = raw("nig_rtnl_request", conn, b'{"object":"link","cmd":"dump"}')
    assert rc == NIG_EHANDLE and err(data)["message"] == f"invalid handle {conn}: already closed"


def test_wrong_kind_handle(conn):
    rc, data = raw("nig_rtnl_next", conn)
    assert rc == NIG_EHANDLE and "not a *main.rtnlDump" in err(data)["message"]
    rc, data = raw("nig_rtnl_events", conn, 0)
    assert rc == NIG_EHANDLE


@pytest.mark.parametrize("doc, rc, text", [
    (b"{", NIG_EJSON, "invalid JSON"),
    (b"[1,2]", NIG_EJSON, "must be a JSON object"),
    (b'"link"', NIG_EJSON, "must be a JSON object"),
    (b"", NIG_EJSON, "invalid JSON"),
    (b'{"object":"lnk","cmd":"dump"}', NIG_EVALUE, "unknown object"),
    (b'{"object":"link","cmd":"explode"}', NIG_EVALUE, "unknown command"),
    (b'{"object":"route","cmd":"add","args":{"dst":"10.0.0.0/33"}}', NIG_EVALUE, 'argument "dst"'),
    (b'{"object":"link","cmd":"get","args":{"index":"x"}}', NIG_EVALUE, 'argument "index"'),
])
def test_bad_request_documents(conn, doc, rc, text):
    got, data = raw("nig_rtnl_request", conn, doc)
    assert got == rc and text in err(data)["message"], data
    assert err(data)["kind"] == "ValueError"


def test_request_results_are_json_lines(conn):
    from netifaces_go._ffi import api
    data = api.nig_rtnl_request(conn, b'{"object":"link","cmd":"dump"}')
    lines = data.split(b"\n")
    msgs = [json.loads(line) for line in lines]
    assert msgs and all(m["event"] == "RTM_NEWLINK" for m in msgs)
    assert list(msgs[0])[-4:] == ["attrs", "header", "state", "event"]
    (lo,) = [m for m in msgs if ["IFLA_IFNAME", "lo"] in m["attrs"]]
    got = json.loads(api.nig_rtnl_request(conn, json.dumps(
        {"object": "link", "cmd": "get", "args": {"index": lo["index"]}}).encode()))
    assert got["index"] == lo["index"]  # one object: the ACK of a get is dropped
    rc, data = raw("nig_rtnl_request", conn, b'{"object":"link","cmd":"get","args":{"ifname":"nig-none0"}}')
    assert rc == -19 and err(data)["kind"] == "NetlinkError" and err(data)["errno"] == 19


def test_dump_iterator_chunks_and_end(conn):
    from netifaces_go._ffi import api
    it = api.nig_rtnl_dump(conn, b'{"object":"addr","cmd":"dump"}')
    try:
        chunks = []
        while True:
            c = api.nig_rtnl_next(it)
            if not c:
                break
            chunks.append(c)
        assert api.nig_rtnl_next(it) == b""  # stays at the end
        assert json.loads(api.nig_rtnl_info(it)) == {"kind": "dump"}
    finally:
        api.nig_close(it)
    lines = b"\n".join(chunks).split(b"\n")
    assert all(json.loads(line)["event"] == "RTM_NEWADDR" for line in lines)
    rc, data = raw("nig_rtnl_dump", conn, b'{"object":"link","cmd":"get","args":{"index":1}}')
    assert rc == NIG_EVALUE and "is not a dump" in err(data)["message"]


def test_dump_closed_midway_releases_the_connection():
    require_root()
    from netifaces_go._ffi import api
    with Netns("nigabi") as ns:
        ns.ip("link add v0 type veth peer name v1")
        ns.ip("link set v0 up")
        ns.ip_batch([f"route add blackhole 10.{i >> 8}.{i & 255}.0/24" for i in range(20000)])
        h = api.nig_rtnl_open(json.dumps({"netns": ns.name}).encode())
        try:
            it = api.nig_rtnl_dump(h, b'{"object":"route","cmd":"dump","args":{"family":2}}')
            first = api.nig_rtnl_next(it)
            assert first and len(first) < 400_000  # a chunk, not the whole table
            api.nig_close(it)
            rc, _ = raw("nig_rtnl_next", it)
            assert rc == NIG_EHANDLE
            # the connection is free again once the kernel finished the dump
            data = api.nig_rtnl_request(h, b'{"object":"route","cmd":"dump","args":{"family":2,"table":254}}')
            assert data.count(b"\n") + 1 == 20000
        finally:
            api.nig_close(h)


def test_batch_documents(conn):
    from netifaces_go._ffi import api
    rc, data = raw("nig_rtnl_batch", conn, b"{")
    assert rc == NIG_EJSON
    rc, data = raw("nig_rtnl_batch", conn, b'{"calls":[],"results":"some"}')
    assert rc == NIG_EINVAL and '"results"' in err(data)["message"]
    rc, data = raw("nig_rtnl_batch", conn, b'{"calls":[],"extra":1}')
    assert rc == NIG_EJSON
    assert api.nig_rtnl_batch(conn, b"[]") == b""
    out = api.nig_rtnl_batch(conn, b'[{"object":"route","cmd":"dump"},{"object":"zzz","cmd":"add"},7]')
    res = [json.loads(line) for line in out.split(b"\n")]
    assert [r["index"] for r in res] == [0, 1, 2] and not any(r["ok"] for r in res)
    assert {r["error"]["kind"] for r in res} == {"argument"}


def test_subscribe_documents_and_events_timeout(conn):
    from netifaces_go._ffi import api
    rc, data = raw("nig_rtnl_subscribe", conn, b'{"groups":0}')
    assert rc == NIG_EINVAL and "groups" in err(data)["message"]
    rc, data = raw("nig_rtnl_subscribe", conn, b'{"group":1}')
    assert rc == NIG_EJSON
    rc, data = raw("nig_rtnl_subscribe", conn, b'{"rcvbuf":-5}')
    assert rc == NIG_EINVAL
    sub = api.nig_rtnl_subscribe(conn, b'{"groups":1}')
    try:
        info = json.loads(api.nig_rtnl_info(sub))
        assert info["kind"] == "subscription" and info["groups"] == 1 and info["fd"] > 2
        assert api.nig_rtnl_events(sub, 0) == b""
        assert api.nig_rtnl_events(sub, 20) == b""
    finally:
        api.nig_close(sub)
    rc, data = raw("nig_rtnl_events", sub, 0)
    assert rc == NIG_EHANDLE


def test_close_unblocks_a_waiting_reader(conn):
    from netifaces_go._ffi import api
    sub = api.nig_rtnl_subscribe(conn, b'{"groups":1}')
    result = {}

    def wait():
        result["rc"] = raw("nig_rtnl_events", sub, -1)[0]
    t = threading.Thread(target=wait)
    t.start()
    t.join(0.2)
    api.nig_close(sub)
    t.join(10)
    assert not t.is_alive() and result["rc"] == NIG_EHANDLE


def test_netns_name_errors():
    rc, data = raw("nig_netns_create", b"a/b")
    assert rc == NIG_EVALUE and "invalid namespace name" in err(data)["message"]
    rc, data = raw("nig_netns_remove", b"..")
    assert rc == NIG_EVALUE
    rc, data = raw("nig_netns_remove", b"nig-no-such-netns-xyz")
    assert rc == -2 and err(data)["errno"] == 2
    from netifaces_go._ffi import api
    assert isinstance(json.loads(api.nig_netns_list()), list)


def test_concurrent_requests_on_one_connection(conn):
    from netifaces_go._ffi import api
    errors = []

    def work():
        try:
            for _ in range(200):
                data = api.nig_rtnl_request(conn, b'{"object":"link","cmd":"get","args":{"index":1}}')
                assert json.loads(data)["index"] == 1
        except Exception as e:  # noqa: BLE001
            errors.append(e)
    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors


def test_iproute_in_a_forked_child_uses_the_helper_process():
    from netifaces_go.pyroute2 import IPRoute
    with IPRoute() as ipr:
        parent = [m.get_attr("IFLA_IFNAME") for m in ipr.get_links()]
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            with IPRoute() as child_ipr:
                names = [m.get_attr("IFLA_IFNAME") for m in child_ipr.get_links()]
            os.write(w, json.dumps(names).encode())
        finally:
            os._exit(0)
    os.close(w)
    data = os.read(r, 65536)
    os.waitpid(pid, 0)
    assert json.loads(data) == parent


def test_marshal_and_json_formats_carry_the_same_messages():
    """The Python binding's marshal format decodes to exactly the messages
    the JSON Lines format describes (attrs pairs as tuples, pads as ())."""
    require_root()
    from netifaces_go._ffi import api
    from netifaces_go.pyroute2 import _messages as M
    with Netns("nigfmt") as ns:
        ns.ip_batch(["link add v0 type veth peer name v1", "link add br0 type bridge",
                     "link set v1 master br0", "link set v0 up", "addr add 10.0.0.1/24 dev v0",
                     "route add 10.2.0.0/24 nexthop via 10.0.0.2 weight 2 nexthop via 10.0.0.3",
                     "route add 10.3.0.0/24 via 10.0.0.2 mtu 1300 table 100",
                     "neigh add 10.0.0.9 lladdr 00:11:22:33:44:55 dev v0"])
        hs = [api.nig_rtnl_open(json.dumps({"netns": ns.name, "format": f}).encode())
              for f in ("jsonl", "marshal")]
        try:
            assert [json.loads(api.nig_rtnl_info(h))["format"] for h in hs] == ["jsonl", "marshal"]
            for obj in ("link", "addr", "route", "neigh", "rule"):
                call = json.dumps({"object": obj, "cmd": "dump"}).encode()
                text = api.nig_rtnl_request(hs[0], call).split(b"\n")
                blobs = __import__("marshal").loads(api.nig_rtnl_request(hs[1], call))
                a, b = M.lazy(text), M.lazy(blobs)
                assert len(a) == len(b) > 0
                for x, y in zip(a, b):
                    for m in (x, y):
                        m["header"].pop("sequence_number")
                        m["header"].pop("pid")
                        for k, v in list(m["attrs"]):
                            if k in ("IFLA_STATS64", "IFLA_STATS", "NDA_CACHEINFO", "IFLA_AF_SPEC"):
                                m["attrs"].remove((k, v))
                    assert x == y and type(x) is type(y)
                    assert repr(x) == repr(y)
            empty = api.nig_rtnl_request(hs[1], b'{"object":"route","cmd":"dump","args":{"table":4242}}')
            assert __import__("marshal").loads(empty) == []
        finally:
            for h in hs:
                api.nig_close(h)


def test_bad_format_option():
    rc, data = raw("nig_rtnl_open", b'{"format":"xml"}')
    assert rc == NIG_EINVAL and "format" in err(data)["message"]
