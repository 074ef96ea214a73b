"""netifaces_go.ipaddress against the stdlib ipaddress (and netaddr where
installed), measured in the same run.

Sizes: IPADDR_BENCH_N items (default 1_000_000, the size the issue's goals are stated
for; IPADDR_BENCH_N=200000 gives a quicker run).
IPADDR_BENCH_DIFF=N also runs the differential test with N cases (default
100_000; 0 skips it) and reports its time and result.
"""
import gc
import ipaddress as std
import os
import random
import subprocess
import sys
import time

from run import best_of

N = int(os.environ.get("IPADDR_BENCH_N", "1000000"))
DIFF_CASES = int(os.environ.get("IPADDR_BENCH_DIFF", "100000"))
HERE = os.path.dirname(os.path.abspath(__file__))


def once(fn):
    """Wall time of one call, with a collection before (big allocations ahead)."""
    gc.collect()
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def per_call(fn, number):
    def body():
        for _ in range(number):
            fn()
    return best_of(body, repeat=5) / number


def run(report):
    from netifaces_go import ipaddress as ours

    rng = random.Random(4)
    report.note(f"N = {N:,} (IPADDR_BENCH_N); Python {sys.version.split()[0]}")

    # -- single value ---------------------------------------------------------------
    ours.ip_address("192.0.2.1")  # loads the library
    t_ours = per_call(lambda: ours.ip_address("192.0.2.1"), 100_000)
    t_std = per_call(lambda: std.ip_address("192.0.2.1"), 100_000)
    report.row("ip_address('192.0.2.1')", t_ours, "stdlib ip_address", t_std, goal=1.0)
    t_ours = per_call(lambda: ours.ip_address("2001:db8::1"), 50_000)
    t_std = per_call(lambda: std.ip_address("2001:db8::1"), 50_000)
    report.row("ip_address('2001:db8::1')", t_ours, "stdlib ip_address", t_std, goal=1.0)
    t_ours = per_call(lambda: ours.ip_network("192.0.2.0/24"), 50_000)
    t_std = per_call(lambda: std.ip_network("192.0.2.0/24"), 50_000)
    report.row("ip_network('192.0.2.0/24')", t_ours, "stdlib ip_network", t_std, goal=1.0)
    a6o, a6s = ours.ip_address("2001:db8:85a3::8a2e:370:7334"), std.ip_address("2001:db8:85a3::8a2e:370:7334")
    report.row("str(IPv6Address)", per_call(lambda: str(a6o), 50_000), "stdlib str", per_call(lambda: str(a6s), 50_000), goal=1.0)
    a4o, a4s = ours.ip_address("192.0.2.1"), std.ip_address("192.0.2.1")
    report.row("str(IPv4Address)", per_call(lambda: str(a4o), 100_000), "stdlib str", per_call(lambda: str(a4s), 100_000), goal=1.0)
    p4o, p4s = ours.ip_address("203.0.113.9"), std.ip_address("203.0.113.9")
    report.row("IPv4Address.is_private (cached after the first)", per_call(lambda: p4o.is_private, 100_000),
               "stdlib is_private", per_call(lambda: p4s.is_private, 100_000), goal=1.0)
    vals = [rng.getrandbits(32) for _ in range(20_000)]
    objs_o = [ours.IPv4Address(v) for v in vals]
    objs_s = [std.IPv4Address(v) for v in vals]
    report.row("IPv4Address.is_global, 20k distinct (uncached)", once(lambda: [a.is_global for a in objs_o]) / 20_000,
               "stdlib is_global", once(lambda: [a.is_global for a in objs_s]) / 20_000)
    no, so = ours.ip_network("10.0.0.0/8"), std.ip_network("10.0.0.0/8")
    ao, ast = ours.ip_address("10.1.2.3"), std.ip_address("10.1.2.3")
    report.row("addr in network", per_call(lambda: ao in no, 100_000), "stdlib in", per_call(lambda: ast in so, 100_000), goal=1.0)

    # -- sorting -------------------------------------------------------------------
    vals = [rng.getrandbits(32) for _ in range(N)]
    lo, ls = [ours.IPv4Address(v) for v in vals], [std.IPv4Address(v) for v in vals]
    report.row(f"sorted() {N:,} IPv4Address", once(lambda: sorted(lo)), "stdlib sorted()", once(lambda: sorted(ls)), goal=1.0)
    del lo, ls

    # -- bulk parse ----------------------------------------------------------------
    v4 = [str(std.IPv4Address(rng.getrandbits(32))) for _ in range(N)]
    v6 = [str(std.IPv6Address(rng.getrandbits(128) >> rng.choice([0, 0, 16, 64]))) for _ in range(N)]
    ours.parse_many(v4[:1000])
    t_o = once(lambda: ours.parse_many(v4))
    t_s = once(lambda: [std.ip_address(s) for s in v4])
    report.row(f"parse_many {N:,} IPv4 (ip_address)", t_o, "stdlib [ip_address(s)]", t_s, goal=0.25)
    t_o = once(lambda: ours.parse_many(v6))
    t_s = once(lambda: [std.ip_address(s) for s in v6])
    report.row(f"parse_many {N:,} IPv6 (ip_address)", t_o, "stdlib [ip_address(s)]", t_s, goal=0.25)
    t_o = once(lambda: [ours.ip_address(s) for s in v4])
    t_s = once(lambda: [std.ip_address(s) for s in v4])
    report.row(f"[ip_address(s)] {N:,} IPv4, one by one", t_o, "stdlib [ip_address(s)]", t_s, goal=1.0)
    del v6

    # -- collapse ------------------------------------------------------------------
    pfx = []
    for _ in range(N):
        plen = rng.randrange(24, 33)
        pfx.append("%s/%d" % (std.IPv4Address((10 << 24 | rng.getrandbits(24)) & (0xFFFFFFFF << (32 - plen))), plen))
    nets_s = [std.IPv4Network(p) for p in pfx]
    nets_o = ours.parse_many(pfx, ours.IPv4Network)
    res = []
    t_o = once(lambda: res.append(list(ours.collapse_addresses(nets_o))))
    t_s = once(lambda: res.append(list(std.collapse_addresses(nets_s))))
    assert [str(x) for x in res[0]] == [str(x) for x in res[1]], "collapse results differ"
    report.row(f"collapse_addresses {N:,} /24-/32 (-> {len(res[0]):,})", t_o, "stdlib collapse_addresses", t_s, goal=0.05)
    del res

    # -- IPSet ----------------------------------------------------------------------
    with ours.IPSet() as warm:
        warm.update(nets_o[:100])
    holder = []

    def build():  # .size makes Go merge the ranges now (netaddr does it in IPSet())
        holder.append(ours.IPSet(nets_o))
        return holder[0].size
    t_o = once(build)
    try:
        import netaddr
    except ImportError:
        netaddr = None
    if netaddr is not None:
        nn = [netaddr.IPNetwork(p) for p in pfx]
        t_n = once(lambda: netaddr.IPSet(nn))
        report.row(f"IPSet({N:,} networks)", t_o, f"netaddr {netaddr.__version__} IPSet", t_n, goal=1.0)
        probe_o = [ours.IPv4Address(10 << 24 | rng.getrandbits(24)) for _ in range(100_000)]
        probe_n = [netaddr.IPAddress(int(a)) for a in probe_o]
        s_n = netaddr.IPSet(nn)
        t_o = once(lambda: holder[0].contains_many(probe_o)) / len(probe_o)
        t_n = once(lambda: [a in s_n for a in probe_n]) / len(probe_n)
        report.row("IPSet membership, 100k addresses (contains_many)", t_o, "netaddr `in` each", t_n, goal=1.0)
        del nn, s_n
    else:
        report.note("netaddr not installed: IPSet anchor skipped")
    holder[0].close()

    # -- longest-prefix match -------------------------------------------------------------
    table_pfx = []
    for _ in range(N):
        plen = rng.randrange(8, 33)
        table_pfx.append(ours.IPv4Network((rng.getrandbits(32) & (0xFFFFFFFF << (32 - plen)), plen)))
    t = ours.PrefixTable()
    t_ins = once(lambda: t.update(zip(table_pfx, range(N))))
    report.note(f"PrefixTable: {len(t):,} prefixes inserted in {t_ins:.2f} s")
    probes = [ours.IPv4Address(rng.getrandbits(32)) for _ in range(N)]
    got = []
    t_o = once(lambda: got.append(t.lookup_values(probes)))
    # Anchor: the usual pure-Python LPM, one dict per prefix length, longest first.
    by_len = {}
    for i, n in enumerate(table_pfx):
        by_len.setdefault(n.prefixlen, {})[int(n.network_address)] = i
    lens = sorted(by_len, reverse=True)
    masks = [(by_len[plen], 0xFFFFFFFF ^ ((1 << (32 - plen)) - 1)) for plen in lens]

    def py_lpm():
        out = []
        for a in probes:
            ip = a._ip
            for d, m in masks:
                v = d.get(ip & m)
                if v is not None:
                    break
            out.append(v)
        return out
    want = []
    t_p = once(lambda: want.append(py_lpm()))
    assert got[0] == want[0], "LPM results differ"
    report.row(f"PrefixTable.lookup_values, {N:,} in {N:,} prefixes", t_o, "dict-per-length Python LPM", t_p, goal=1.0)
    report.note(f"LPM: {N / t_o:,.0f} lookups/s (lookup_values), {N / t_p:,.0f}/s (Python dicts)")
    t_m = once(lambda: t.lookup_many(probes[:100_000])) / 100_000
    report.note(f"LPM with (network, value) results (lookup_many): {1 / t_m:,.0f} lookups/s")
    t.close()

    # -- the 100k differential test ---------------------------------------------------------
    if DIFF_CASES:
        env = dict(os.environ, IPADDR_DIFF_CASES=str(DIFF_CASES))
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [os.path.join(HERE, "..", "..", "python"),
                                                          env.get("PYTHONPATH")]))
        t0 = time.perf_counter()
        r = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-s",
                            os.path.join(HERE, "..", "pytest", "test_ipaddress_differential.py")],
                           env=env, capture_output=True, text=True)
        dt = time.perf_counter() - t0
        lines = [ln for ln in r.stdout.splitlines() if ln.startswith("differential") or "passed" in ln or "failed" in ln]
        report.note(f"differential test, {DIFF_CASES:,} cases: {'PASSED' if r.returncode == 0 else 'FAILED'} in {dt:.0f} s")
        for ln in lines:
            report.note("  " + ln.strip())
        if r.returncode != 0:
            report.note(r.stdout[-3000:])
