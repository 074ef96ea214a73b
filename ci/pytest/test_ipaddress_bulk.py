"""The bulk API beyond the stdlib: parse_many, collapse_addresses in Go, IPSet,
IPRange, PrefixTable; checked against the stdlib, brute force and netaddr."""
import gc
import ipaddress as std
import pickle
import random

import pytest

from netifaces_go import ipaddress as ip


def outcome(fn, *a, **k):
    try:
        return ("ok", fn(*a, **k))
    except Exception as e:  # noqa: BLE001
        return ("err", type(e).__name__, str(e))


# ---- parse_many ------------------------------------------------------------------

KINDS = [(ip.ip_address, std.ip_address), (ip.IPv4Address, std.IPv4Address),
         (ip.IPv6Address, std.IPv6Address), (ip.ip_network, std.ip_network),
         (ip.IPv4Network, std.IPv4Network), (ip.IPv6Network, std.IPv6Network),
         (ip.ip_interface, std.ip_interface), (ip.IPv4Interface, std.IPv4Interface),
         (ip.IPv6Interface, std.IPv6Interface)]


def sample_texts(rng, n):
    out = []
    for _ in range(n):
        r = rng.random()
        if r < 0.3:
            out.append(str(std.IPv4Address(rng.getrandbits(32))))
        elif r < 0.55:
            out.append(str(std.IPv6Address(rng.getrandbits(128) >> rng.choice([0, 32, 64, 96]))))
        elif r < 0.7:
            p = rng.randrange(33)
            out.append("%s/%d" % (std.IPv4Address(rng.getrandbits(32) & (0xFFFFFFFF << (32 - p))), p))
        elif r < 0.85:
            p = rng.randrange(129)
            out.append("%s/%d" % (std.IPv6Address(rng.getrandbits(128) & (((1 << 128) - 1) << (128 - p))), p))
        else:
            out.append(rng.choice(["fe80::1%eth0", "fe80::%x/64", "::ffff:1.2.3.4", "10.0.0.1/8",
                                   "10.0.0.0/255.0.0.0", "0.0.0.0/0", "::/0", "2001:db8::1%é/64"]))
    return out


@pytest.mark.parametrize("ours,theirs", KINDS, ids=[k[0].__name__ for k in KINDS])
@pytest.mark.parametrize("strict", [True, False])
def test_parse_many_equals_the_constructor(ours, theirs, strict):
    rng = random.Random(7)
    texts = sample_texts(rng, 3000)
    network = "etwork" in ours.__name__

    def one(mod_ctor, t):
        return mod_ctor(t, strict) if network else mod_ctor(t)
    good = [t for t in texts if outcome(one, theirs, t)[0] == "ok"]
    got = ip.parse_many(good, ours, strict=strict)
    want = [one(ours, t) for t in good]
    assert [type(x) for x in got] == [type(x) for x in want]
    assert got == want
    assert [str(x) for x in got] == [str(x) for x in want]
    assert [getattr(x, "scope_id", None) for x in got] == [getattr(x, "scope_id", None) for x in want]
    # The first bad item raises what the constructor raises for it.
    bad = [t for t in texts if outcome(one, theirs, t)[0] == "err"]
    if bad:
        items = good[:50] + [bad[0]] + good[50:60]
        assert outcome(ip.parse_many, items, ours, strict=strict) == outcome(one, ours, bad[0])


def test_parse_many_odd_inputs():
    assert ip.parse_many([]) == []
    assert ip.parse_many(iter(["1.2.3.4"])) == [ip.IPv4Address("1.2.3.4")]
    # Not str: item by item through the constructor.
    assert ip.parse_many([1, b"\x01\x02\x03\x04", "::1"]) == [
        ip.IPv4Address(1), ip.IPv4Address("1.2.3.4"), ip.IPv6Address("::1")]
    # A newline inside a scope id is valid for CPython.
    got = ip.parse_many(["fe80::1%a\nb", "1.2.3.4"])
    assert got[0].scope_id == "a\nb" and got == [ip.ip_address("fe80::1%a\nb"), ip.ip_address("1.2.3.4")]
    assert str(got[0]) == str(std.ip_address("fe80::1%a\nb"))
    with pytest.raises(ValueError, match="^'' does not appear to be an IPv4 or IPv6 address$"):
        ip.parse_many(["1.2.3.4", ""])
    with pytest.raises(ip.AddressValueError, match="^Expected 4 octets in 'x'$") as e:
        ip.parse_many(["x"], ip.IPv4Address)
    assert e.value.__context__ is None or e.value.__suppress_context__
    with pytest.raises(TypeError, match="unsupported kind"):
        ip.parse_many(["1.2.3.4"], int)
    # Non-ASCII and surrogates round-trip through the zone table.
    got = ip.parse_many(["fe80::1%\u00e9\ud800", "fe80::2%x"])
    assert [a.scope_id for a in got] == ["\u00e9\ud800", "x"]


# ---- collapse_addresses -------------------------------------------------------------

def test_collapse_equals_stdlib_on_random_mixes():
    rng = random.Random(11)
    for _ in range(300):
        v = rng.choice([4, 6])
        width = 32 if v == 4 else 128
        items = []
        for _ in range(rng.randrange(0, 60)):
            base = rng.getrandbits(16) << (width - 16) if rng.random() < 0.5 else rng.getrandbits(width)
            r = rng.random()
            plen = rng.randrange(width - 12, width + 1)
            if r < 0.3:
                items.append(("addr", base))
            elif r < 0.4:
                items.append(("iface", base, plen))
            else:
                items.append(("net", base & (((1 << width) - 1) ^ ((1 << (width - plen)) - 1)), plen))

        def build(mod):
            A = mod.IPv4Address if v == 4 else mod.IPv6Address
            N = mod.IPv4Network if v == 4 else mod.IPv6Network
            F = mod.IPv4Interface if v == 4 else mod.IPv6Interface
            return [A(x[1]) if x[0] == "addr" else (N((x[1], x[2])) if x[0] == "net" else F((x[1], x[2])))
                    for x in items]
        want = outcome(lambda: list(std.collapse_addresses(build(std))))
        got = outcome(lambda: list(ip.collapse_addresses(build(ip))))
        assert got[0] == want[0]
        if got[0] == "ok":
            assert [str(n) for n in got[1]] == [str(n) for n in want[1]]


def test_collapse_error_timing_matches_cpython():
    a4, n6 = ip.ip_address("1.1.1.1"), ip.ip_network("::/64")
    # Two kinds of different versions: CPython fails when the result is iterated.
    it = ip.collapse_addresses([a4, n6])
    std_it = std.collapse_addresses([std.ip_address("1.1.1.1"), std.ip_network("::/64")])
    with pytest.raises(TypeError) as mine:
        list(it)
    with pytest.raises(TypeError) as theirs:
        list(std_it)
    assert str(mine.value) == str(theirs.value)
    # Same kind, different versions: at the call, naming both objects.
    with pytest.raises(TypeError, match=r"^::1 and 1.1.1.1 are not of the same version$"):
        ip.collapse_addresses([a4, ip.ip_address("::1")])
    with pytest.raises(TypeError, match=r"^1.1.1.1/32 and ::2 are not of the same version$"):
        ip.collapse_addresses([ip.ip_address("::2"), ip.ip_interface("1.1.1.1/32")])
    with pytest.raises(AttributeError):
        ip.collapse_addresses(["1.1.1.1"])


def test_collapse_returns_the_given_scoped_networks():
    nets = [ip.IPv6Network("2001::%scope/100"), ip.IPv6Network("2001::%scope/96")]
    got = list(ip.collapse_addresses(nets))
    assert got == [nets[1]] and got[0] is nets[1] and str(got[0]) == "2001::%scope/96"


def test_summarize_many_equals_stdlib():
    rng = random.Random(13)
    pairs_o, pairs_s = [], []
    for _ in range(500):
        v = rng.choice([4, 6])
        width = 32 if v == 4 else 128
        a = rng.getrandbits(width)
        b = min(a + rng.getrandbits(rng.randrange(1, width)), (1 << width) - 1)
        mk_o = ip.IPv4Address if v == 4 else ip.IPv6Address
        mk_s = std.IPv4Address if v == 4 else std.IPv6Address
        pairs_o.append((mk_o(a), mk_o(b)))
        pairs_s.append((mk_s(a), mk_s(b)))
    got = ip.summarize_many(pairs_o + [ip.IPRange(*pairs_o[0])])
    want = [list(std.summarize_address_range(a, b)) for a, b in pairs_s + pairs_s[:1]]
    assert [[str(n) for n in g] for g in got] == [[str(n) for n in w] for w in want]
    assert ip.summarize_many([]) == []
    with pytest.raises(ValueError, match="^last IP address must be greater than first$"):
        ip.summarize_many([pairs_o[0], (pairs_o[1][1] + 1, pairs_o[1][1])])
    with pytest.raises(TypeError, match="^first and last must be IP addresses, not networks$"):
        ip.summarize_many([(ip.ip_network("10.0.0.0/8"), ip.ip_address("10.0.0.1"))])


# ---- IPRange -------------------------------------------------------------------------

def test_iprange():
    r = ip.IPRange("192.0.2.10", ip.ip_address("192.0.2.20"))
    assert (str(r.first), str(r.last), r.size, len(r), r.version) == ("192.0.2.10", "192.0.2.20", 11, 11, 4)
    assert repr(r) == "IPRange('192.0.2.10', '192.0.2.20')" and str(r) == "192.0.2.10-192.0.2.20"
    assert r.cidrs() == list(ip.summarize_address_range(r.first, r.last))
    assert [str(n) for n in r.cidrs()] == [str(n) for n in std.summarize_address_range(
        std.ip_address("192.0.2.10"), std.ip_address("192.0.2.20"))]
    assert ip.ip_address("192.0.2.15") in r and ip.ip_address("192.0.2.21") not in r
    assert ip.ip_network("192.0.2.12/30") in r and ip.ip_network("192.0.2.16/28") not in r
    assert ip.IPRange("192.0.2.11", "192.0.2.12") in r and "x" not in r
    assert list(r)[0] == r.first and list(r)[-1] == r.last
    assert r == pickle.loads(pickle.dumps(r)) and hash(r) == hash(ip.IPRange("192.0.2.10", "192.0.2.20"))
    assert sorted([ip.IPRange("::1", "::2"), r]) == [r, ip.IPRange("::1", "::2")]
    with pytest.raises(ValueError, match="^last IP address must be greater than first$"):
        ip.IPRange("192.0.2.2", "192.0.2.1")
    with pytest.raises(TypeError, match="^192.0.2.1 and ::1 are not of the same version$"):
        ip.IPRange("192.0.2.1", "::1")
    assert ip.IPRange("fe80::1%eth0", "fe80::2").first.scope_id is None
    full = ip.IPRange("::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")
    assert [str(n) for n in full.cidrs()] == ["::/0"] and full.size == 2 ** 128


# ---- IPSet ------------------------------------------------------------------------------

def ints_of(items):
    out = set()
    for x in items:
        if isinstance(x, ip.IPRange):
            out |= set(range(x.first._ip, x.last._ip + 1))
        elif isinstance(x, ip._BaseNetwork):
            out |= set(range(int(x.network_address), int(x.broadcast_address) + 1))
        else:
            out.add(int(x))
    return out


def rand_members(rng, n):
    out = []
    for _ in range(n):
        base = 0x0A000000 | rng.getrandbits(10)
        r = rng.random()
        if r < 0.4:
            out.append(ip.IPv4Address(base))
        elif r < 0.8:
            p = rng.randrange(24, 33)
            out.append(ip.IPv4Network((base & (0xFFFFFFFF << (32 - p)), p)))
        else:
            out.append(ip.IPRange(ip.IPv4Address(base), ip.IPv4Address(base + rng.randrange(40))))
    return out


def test_ipset_matches_python_sets():
    rng = random.Random(5)
    for _ in range(60):
        xs, ys = rand_members(rng, rng.randrange(0, 12)), rand_members(rng, rng.randrange(0, 12))
        a, b = ip.IPSet(xs), ip.IPSet(ys)
        sa, sb = ints_of(xs), ints_of(ys)
        for s, ref in ((a | b, sa | sb), (a & b, sa & sb), (a - b, sa - sb), (a ^ b, sa ^ sb),
                       (a.union(ys), sa | sb), (a.copy(), sa)):
            with s:
                assert ints_of(s.iter_cidrs()) == ref
                assert s.size == len(ref) == len(s) and bool(s) == bool(ref)
                # The fewest networks, in order: the stdlib's collapse of the same addresses.
                want = [str(n) for n in std.collapse_addresses(std.IPv4Address(i) for i in ref)]
                assert [str(n) for n in s.iter_cidrs()] == want
                assert ints_of(s.iter_ipranges()) == ref
        probes = [ip.IPv4Address(0x0A000000 | rng.getrandbits(10)) for _ in range(50)]
        assert a.contains_many(probes) == [int(p) in sa for p in probes]
        assert all((p in a) == (int(p) in sa) for p in probes[:10])
        assert a.issubset(a | b) and (a | b).issuperset(b) and (a - b).isdisjoint(b)
        assert (a == ip.IPSet(xs)) and (a != b) == (sa != sb)
        c = ip.IPSet(xs)
        c.remove(ys[0]) if ys else None
        assert ints_of(c.iter_cidrs()) == sa - (ints_of(ys[:1]))
        c.update(ys)
        assert ints_of(c.iter_cidrs()) == sa | sb
        c.difference_update(ip.IPSet(xs))
        assert ints_of(c.iter_cidrs()) == sb - sa
        c.clear()
        assert not c and c.size == 0
        for s in (a, b, c):
            s.close()


def test_ipset_mixed_versions_strings_and_misc():
    s = ip.IPSet(["10.0.0.0/24", "10.0.1.0/24", "::/127", ip.ip_address("::2"), ip.ip_interface("10.9.9.9/8")])
    assert [str(n) for n in s.iter_cidrs()] == ["10.0.0.0/23", "10.9.9.9/32", "::/127", "::2/128"]
    assert "10.0.0.77" in s and "10.0.0.0/23" in s and "10.0.0.0/22" not in s and "::1" in s
    assert ip.IPRange("10.0.0.5", "10.0.1.9") in s and ip.IPRange("10.0.1.9", "10.0.2.0") not in s
    assert repr(s) == "IPSet(['10.0.0.0/23', '10.9.9.9/32', '::/127', '::2/128'])"
    assert pickle.loads(pickle.dumps(s)) == s
    assert len(list(ip.IPSet(["192.0.2.0/30"]))) == 4
    with pytest.raises(IndexError, match="sys.maxsize"):
        len(ip.IPSet(["::/0"]))
    assert ip.IPSet(["::/0"]).size == 2 ** 128
    with pytest.raises(TypeError):
        hash(s)
    with pytest.raises(TypeError, match="expected an IP address or network"):
        s.add(3.5)
    with pytest.raises(ValueError, match="does not appear to be an IPv4 or IPv6 network"):
        s.add("nonsense")
    s.close()
    assert repr(s) == "IPSet(<closed>)"


def test_ipset_handles_are_released_by_the_gc():
    from netifaces_go import debug_stats
    before = debug_stats()["handles_outstanding"]
    sets = [ip.IPSet(["10.0.0.0/8"]) for _ in range(20)]
    assert debug_stats()["handles_outstanding"] == before + 20
    del sets
    gc.collect()
    assert debug_stats()["handles_outstanding"] == before


def test_ipset_agrees_with_netaddr():
    netaddr = pytest.importorskip("netaddr")
    rng = random.Random(9)
    nets = []
    for _ in range(2000):
        p = rng.randrange(8, 33)
        nets.append("%s/%d" % (std.IPv4Address(rng.getrandbits(32) & (0xFFFFFFFF << (32 - p))), p))
    with ip.IPSet(nets) as mine:
        theirs = netaddr.IPSet(nets)
        assert [str(n) for n in mine.iter_cidrs()] == [str(n) for n in theirs.iter_cidrs()]
        assert mine.size == theirs.size
        probes = [ip.IPv4Address(rng.getrandbits(32)) for _ in range(2000)]
        assert mine.contains_many(probes) == [netaddr.IPAddress(int(p)) in theirs for p in probes]


# ---- PrefixTable -----------------------------------------------------------------------------

def brute_lpm(entries, addr):
    best = None
    for net, value in entries.items():
        if addr.version == net.version and addr in net and (best is None or net.prefixlen > best[0].prefixlen):
            best = (net, value)
    return best


def test_prefix_table_matches_brute_force():
    rng = random.Random(3)
    table = ip.PrefixTable()
    entries = {}
    for i in range(400):
        if rng.random() < 0.5:
            p = rng.randrange(0, 33)
            net = ip.IPv4Network((rng.getrandbits(32) & (0xFFFFFFFF << (32 - p)) if p else 0, p))
        else:
            p = rng.randrange(0, 129)
            net = ip.IPv6Network(((rng.getrandbits(128) >> 100 << 100) & ((((1 << 128) - 1) << (128 - p)) if p else 0), p))
        value = ("value", i)
        table[net] = value
        entries[net] = value
    assert len(table) == len(entries)
    for net in rng.sample(sorted(entries, key=ip.get_mixed_type_key), 50):
        assert table.delete([net]) == 1
        del entries[net]
    assert len(table) == len(entries)
    probes = [ip.IPv4Address(rng.getrandbits(32)) for _ in range(300)]
    probes += [ip.IPv6Address(rng.getrandbits(128) >> 100 << 100 | rng.getrandbits(8)) for _ in range(300)]
    want = [brute_lpm(entries, a) for a in probes]
    assert table.lookup_many(probes) == want
    assert table.lookup_values(probes, default="none") == [w[1] if w else "none" for w in want]
    assert [table.lookup(a) for a in probes[:20]] == want[:20]
    assert table.items() == sorted(entries.items(), key=lambda kv: ip.get_mixed_type_key(kv[0]))
    assert list(table) == [k for k, _ in table.items()]
    table.close()


def test_prefix_table_mapping_behaviour():
    with ip.PrefixTable({"10.0.0.0/8": "eight", ip.ip_network("10.1.0.0/16"): "sixteen"}) as t:
        assert len(t) == 2 and "10.0.0.0/8" in t and "10.0.0.0/9" not in t
        assert t["10.0.0.0/8"] == "eight" and t.get("10.0.0.0/9", 0) == 0
        t["10.9.9.9/8"] = "EIGHT"  # host bits ignored: replaces
        assert len(t) == 2 and t[ip.ip_network("10.0.0.0/8")] == "EIGHT"
        assert t.lookup("10.1.2.3") == (ip.ip_network("10.1.0.0/16"), "sixteen")
        assert t.lookup(ip.ip_network("10.1.2.0/24")) == (ip.ip_network("10.1.0.0/16"), "sixteen")
        assert t.lookup("10.2.0.0/15") == (ip.ip_network("10.0.0.0/8"), "EIGHT")
        assert t.lookup("11.0.0.1") is None
        assert t.lookup(ip.ip_interface("10.1.2.3/30")) == (ip.ip_network("10.1.0.0/16"), "sixteen")
        t[ip.ip_address("::ffff:10.1.2.3")] = "mapped"  # a /128; IPv4 lookups never reach it
        assert t.lookup("::ffff:10.1.2.3") == (ip.ip_network("::ffff:10.1.2.3/128"), "mapped")
        assert t.lookup("10.1.2.3")[1] == "sixteen"
        assert t.lookup("fe80::1%eth0") is None
        assert t.pop("10.1.0.0/16") == "sixteen" and t.pop("10.1.0.0/16", "gone") == "gone"
        with pytest.raises(KeyError):
            del t["10.1.0.0/16"]
        with pytest.raises(KeyError):
            t["10.1.0.0/16"]
        assert t.keys() == [ip.ip_network("10.0.0.0/8"), ip.ip_network("::ffff:10.1.2.3/128")]
        assert t.values() == ["EIGHT", "mapped"]
        assert len(t) == 2 and repr(t) == "<PrefixTable with 2 prefixes>"
        with pytest.raises(ValueError, match="does not appear to be an IPv4 or IPv6 network"):
            t["bogus"] = 1
        assert len(t) == 2
    assert repr(t) == "PrefixTable(<closed>)"


def test_prefix_table_reuses_value_slots():
    with ip.PrefixTable() as t:
        for i in range(1000):
            t["10.0.0.0/8"] = i
        assert len(t) == 1 and len(t._values) <= 2 and t["10.0.0.0/8"] == 999
