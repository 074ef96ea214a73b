"""The ipaddr C ABI through ctypes: records, caller buffers, bad input, handles,
threads and fork. (The shared vectors in ci/vectors/abi_ipaddr.json cover the
error messages; this file covers what vectors cannot express.)"""
import ctypes
import ipaddress as std
import json
import os
import struct
import threading

import pytest

from conftest import ROOT

RECORD = struct.Struct(">QQBBBx")
ZONE = struct.Struct("=II")
NIG_EINVAL, NIG_EHANDLE, NIG_ETOOBIG, NIG_EVALUE = -1000, -1002, -1004, -1008


def lib():
    from netifaces_go import _ffi
    _ffi.api.nig_free(None)  # loads
    return _ffi._loaded.cdll


def raw(name, *args):
    from netifaces_go import _ffi
    _ffi.api.nig_free(None)
    return _ffi._loaded.raw[name](*args)


def parse(text, mode):
    from netifaces_go import _ffi
    rc, payload = _ffi.fast.nig_ipaddr_parse(text.encode("utf-8", "surrogatepass"), mode)
    if rc:
        return rc, json.loads(payload)
    hi, lo, plen, fam, flags = RECORD.unpack_from(payload)
    off, n = ZONE.unpack_from(payload, 20)
    return 0, (hi << 64 | lo, plen, fam, flags, off, n, payload[28:32])


def rec(ip, plen, fam, flags):
    return RECORD.pack(ip >> 64, ip & (2**64 - 1), plen, fam, flags)


@pytest.mark.parametrize("mode,text,ctor", [
    (0, "192.0.2.1", std.ip_address), (0, "2001:db8::1", std.ip_address),
    (1, "0.0.0.0", std.IPv4Address), (2, "::ffff:1.2.3.4", std.IPv6Address),
    (3, "10.0.0.0/255.0.0.0", std.ip_network), (4, "10.1.2.3/0.255.255.255", lambda s: std.ip_network(s, False)),
    (5, "192.0.2.0/024", std.IPv4Network), (7, "2001:db8::/32", std.IPv6Network),
    (8, "2001:db8::1/32", lambda s: std.IPv6Network(s, False)),
    (9, "192.0.2.5/24", std.ip_interface), (10, "192.0.2.5", std.IPv4Interface),
    (11, "2001:db8::5/64", std.IPv6Interface),
])
def test_parse_record_matches_stdlib(mode, text, ctor):
    obj = ctor(text)
    rc, (ip, plen, fam, flags, off, n, reserved) = parse(text, mode)
    assert rc == 0 and reserved == b"\0\0\0\0" and (off, n) == (0, 0)
    assert fam == obj.version
    if isinstance(obj, (std.IPv4Network, std.IPv6Network)):
        assert (ip, plen, flags) == (int(obj.network_address), obj.prefixlen, 0)
    elif isinstance(obj, (std.IPv4Interface, std.IPv6Interface)):
        assert (ip, plen, flags) == (int(obj), obj.network.prefixlen, 2)
    else:
        assert (ip, plen, flags) == (int(obj), obj.max_prefixlen, 1)


@pytest.mark.parametrize("mode,text,zone", [
    (0, "fe80::1%eth0", "eth0"), (2, "fe80::1%a", "a"), (7, "fe80::%éth/64", "éth"),
    (11, "fe80::1%x y/64", "x y"), (9, "fe80::1%\ud800/64", "\ud800"),
])
def test_parse_locates_the_scope_id(mode, text, zone):
    data = text.encode("utf-8", "surrogatepass")
    rc, (ip, plen, fam, flags, off, n, _) = parse(text, mode)
    assert rc == 0 and flags & 4
    assert data[off:off + n].decode("utf-8", "surrogatepass") == zone


def test_parse_non_strict_network_loses_the_scope_id():
    # CPython builds a new address when masking changed it: no scope id.
    rc, (ip, plen, fam, flags, off, n, _) = parse("fe80::1%eth0/64", 4)
    assert rc == 0 and flags == 0 and ip == int(std.ip_address("fe80::")) and (off, n) == (0, 0)
    assert std.ip_network("fe80::1%eth0/64", strict=False).network_address.scope_id is None


def test_parse_netmask_int_and_packed_modes():
    assert parse("255.255.0.0", 12)[1][:3] == (0xFFFF0000, 16, 4)
    assert parse("0.0.0.255", 12)[1][:3] == (0xFFFFFF00, 24, 4)
    assert parse("64", 13)[1][:3] == (((1 << 64) - 1) << 64, 64, 6)
    assert parse("0", 15)[1][:3] == (0, 0, 6)
    assert parse(str(2**128 - 1), 17)[1][:3] == (2**128 - 1, 128, 6)
    rc, err = parse("-0", 16)
    assert rc == 0
    rc, err = parse("1" * 50, 14)
    assert rc == NIG_EVALUE and err["message"] == "1" * 50 + " is not a valid netmask"


def test_parse_null_out_validates_only():
    assert raw("nig_ipaddr_parse", b"1.2.3.4", 1, None) == (0, None)
    rc, data = raw("nig_ipaddr_parse", b"1.2.3", 1, None)
    assert rc == NIG_EVALUE and json.loads(data)["kind"] == "AddressValueError"


def test_oversized_inputs_are_refused_before_reading():
    c = lib()
    small = ctypes.create_string_buffer(b"1.2.3.4")
    out = ctypes.create_string_buffer(32)
    for fn in (c.nig_ipaddr_parse, c.nig_ipaddr_describe):
        fn.restype = ctypes.c_int
        rc = fn(small, ctypes.c_size_t((256 << 20) + 1), 0, out)
        assert rc == NIG_ETOOBIG
    ptr, n = ctypes.c_void_p(), ctypes.c_size_t()
    c.nig_ipaddr_collapse.restype = ctypes.c_int
    assert c.nig_ipaddr_collapse(small, ctypes.c_size_t((256 << 20) + 1), ctypes.byref(ptr), ctypes.byref(n)) == NIG_ETOOBIG
    assert ptr.value  # the error object, released below
    c.nig_free(ptr)


def test_null_out_parameters():
    c = lib()
    for name in ("nig_ipset_new", "nig_prefixtable_new"):
        fn = getattr(c, name)
        fn.restype = ctypes.c_int
        assert fn(None) == NIG_EINVAL
    c.nig_ipaddr_collapse.restype = ctypes.c_int
    assert c.nig_ipaddr_collapse(b"", ctypes.c_size_t(0), None, None) == NIG_EINVAL
    c.nig_ipset_combine.restype = ctypes.c_int
    from netifaces_go._ffi import api
    h = api.nig_ipset_new()
    try:
        assert c.nig_ipset_combine(ctypes.c_uint64(h), ctypes.c_uint64(h), 0, None) == NIG_EINVAL
    finally:
        api.nig_close(h)


def test_describe_texts_and_properties():
    from netifaces_go import _ffi
    cases = [
        (std.ip_address("::ffff:1.2.3.4"), rec(int(std.ip_address("::ffff:1.2.3.4")), 128, 6, 1)),
        (std.ip_network("2001:db8::/32"), rec(int(std.ip_address("2001:db8::")), 32, 6, 0)),
        (std.ip_interface("2001:db8::1/64"), rec(int(std.ip_address("2001:db8::1")), 64, 6, 2)),
        (std.ip_address("192.0.2.1"), rec(0xC0000201, 32, 4, 1)),
    ]
    mapped_texts = {  # CPython 3.13's forms (older stdlibs print ::ffff:102:304)
        "compressed": "::ffff:1.2.3.4",
        "exploded": "0000:0000:0000:0000:0000:ffff:1.2.3.4",
        "reverse_pointer": "4.0.3.0.2.0.1.0.f.f.f.f." + "0." * 20 + "ip6.arpa",
    }
    for obj, r in cases:
        for what, attr in ((0, "compressed"), (1, "exploded"), (2, "reverse_pointer")):
            rc, text = _ffi.fast.nig_ipaddr_describe(r, what)
            want = mapped_texts[attr] if obj == cases[0][0] else getattr(obj, attr)
            assert rc == 0 and text.decode() == want, (obj, attr)
        rc, bits = _ffi.fast.nig_ipaddr_describe(r, 4)
        # gh-122792: an IPv4-mapped address answers from its IPv4 address (3.13.0 does not yet).
        src = getattr(obj, "ipv4_mapped", None) or obj
        want = sum(1 << i for i, p in enumerate(["is_private", "is_global", "is_multicast", "is_reserved",
                                                 "is_loopback", "is_link_local", "is_unspecified",
                                                 "is_site_local"]) if getattr(src, p, False))
        assert rc == 0 and (bits[0] if bits else 0) == want
    rc, err = _ffi.fast.nig_ipaddr_describe(rec(1, 32, 4, 1), 9)
    assert rc == NIG_EINVAL and json.loads(err)["message"] == "unknown text selector 9"


def test_stale_double_closed_and_wrong_kind_handles():
    from netifaces_go._ffi import api
    s = api.nig_ipset_new()
    t = api.nig_prefixtable_new()
    try:
        rc, data = raw("nig_prefixtable_entries", s)
        assert rc == NIG_EHANDLE
        assert json.loads(data)["message"] == (
            f"invalid handle {s}: names a *main.ipSetObject, not a *main.prefixTableObject")
        rc, data = raw("nig_ipset_info", t)
        assert rc == NIG_EHANDLE and "names a *main.prefixTableObject" in json.loads(data)["message"]
    finally:
        api.nig_close(t)
    api.nig_close(s)
    for name, args in (("nig_ipset_info", (s,)), ("nig_ipset_update", (s, 0, b"")),
                       ("nig_ipset_combine", (s, s, 0)), ("nig_prefixtable_entries", (t,)),
                       ("nig_prefixtable_lookup", (t, 0, b"")), ("nig_prefixtable_insert", (t, b"", b"")),
                       ("nig_close", (s,))):
        rc, data = raw(name, *args)
        assert rc == NIG_EHANDLE, name
        assert json.loads(data)["message"].endswith("already closed"), name


def test_python_handles_close_once_and_refuse_use_after_close():
    from netifaces_go import ipaddress as ip
    s = ip.IPSet(["10.0.0.0/8"])
    s.close()
    s.close()  # idempotent in Python
    assert s.closed
    with pytest.raises(ValueError, match="already closed"):
        s.add("10.0.0.1")
    with ip.PrefixTable({"10.0.0.0/8": 1}) as t:
        assert t.lookup("10.1.1.1")[1] == 1
    with pytest.raises(ValueError, match="already closed"):
        t.lookup("10.1.1.1")


def test_record_shape_errors():
    from netifaces_go._ffi import api
    with pytest.raises(ValueError, match="length 19 is not a multiple of 20"):
        api.nig_ipaddr_collapse(b"\0" * 19)
    t = api.nig_prefixtable_new()
    try:
        with pytest.raises(ValueError, match="values: 3 bytes for 1 records, want 4 per record"):
            api.nig_prefixtable_insert(t, rec(0, 8, 4, 0), b"\0\0\0")
        with pytest.raises(ValueError, match="item 1: value 0xffffffff is reserved"):
            api.nig_prefixtable_insert(t, rec(0, 8, 4, 0) + rec(0, 9, 4, 0), b"\1\0\0\0" + b"\xff" * 4)
        assert api.nig_prefixtable_entries(t) == b""  # nothing inserted
    finally:
        api.nig_close(t)
    s = api.nig_ipset_new()
    try:
        with pytest.raises(ValueError, match="unknown IPSet update operation 7"):
            api.nig_ipset_update(s, 7, b"")
        with pytest.raises(ValueError, match="item 0: last IP address must be greater than first"):
            api.nig_ipset_update(s, 2, rec(2, 32, 4, 1) + rec(1, 32, 4, 1))
        with pytest.raises(TypeError, match="item 0: 0.0.0.1 and ::2 are not of the same version"):
            api.nig_ipset_update(s, 2, rec(1, 32, 4, 1) + rec(2, 128, 6, 1))
        assert json.loads(api.nig_ipset_info(s)) == {"size": "0", "ranges_v4": 0, "ranges_v6": 0}
    finally:
        api.nig_close(s)


def test_fast_path_refuses_non_bytes():
    from netifaces_go import _ffi
    with pytest.raises(TypeError, match="data must be bytes"):
        _ffi.fast.nig_ipaddr_parse("1.2.3.4", 0)
    with pytest.raises(TypeError, match="data must be bytes"):
        _ffi.fast.nig_ipaddr_parse(12345, 0)


def test_threads_share_no_buffers():
    from netifaces_go import ipaddress as ip
    errors = []

    def work(k):
        try:
            for i in range(3000):
                v = (k << 24) | i
                a = ip.ip_address(str(std.IPv4Address(v)))
                b = ip.ip_address(str(std.IPv6Address(v << 64 | i)))
                if int(a) != v or int(b) != (v << 64 | i) or str(b) != str(std.IPv6Address(v << 64 | i)):
                    errors.append((k, i))
        except Exception as e:  # noqa: BLE001
            errors.append(e)
    threads = [threading.Thread(target=work, args=(k,)) for k in range(1, 9)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_forked_child_parses_through_the_helper_process():
    from netifaces_go import ipaddress as ip
    ip.ip_address("1.2.3.4")  # the library is loaded in the parent
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            res = [repr(ip.ip_address("fe80::1%eth0")), str(ip.ip_address("::ffff:1.2.3.4")),
                   ip.ip_address("10.0.0.1").is_private]
            try:
                ip.IPv4Address("1.2.3")
            except ip.AddressValueError as e:
                res.append(str(e))
            res.append([str(n) for n in ip.collapse_addresses([ip.ip_network("10.0.0.0/25"),
                                                               ip.ip_network("10.0.0.128/25")])])
            os.write(w, json.dumps(res).encode())
        finally:
            os._exit(0)
    os.close(w)
    data = b""
    while True:
        chunk = os.read(r, 65536)
        if not chunk:
            break
        data += chunk
    os.close(r)
    os.waitpid(pid, 0)
    assert json.loads(data) == ["IPv6Address('fe80::1%eth0')", "::ffff:1.2.3.4", True,
                                "Expected 4 octets in '1.2.3'", ["10.0.0.0/24"]]


def test_header_documents_the_abi_constants():
    text = open(os.path.join(ROOT, "include", "netifaces_go.h")).read()
    from netifaces_go import _ipaddress_core as core
    for name, value in [("NIG_IPADDR_RECORD_SIZE", core.RECORD_SIZE), ("NIG_IPADDR_MODE_IPV6_PACKED", 19),
                        ("NIG_IPADDR_DESCRIBE_PROPERTIES", core.DESCRIBE_PROPERTIES),
                        ("NIG_IPADDR_DESCRIBE_SIZE", 128), ("NIG_IPADDR_IS_SITE_LOCAL", core.IS_SITE_LOCAL), ("NIG_IPSET_RANGES", 1)]:
        assert f"#define {name} {value}" in text, name
