"""``python -m netifaces_go``: interfaces, addresses and default routes at a glance.

The table is shaped like ``ip -br addr`` (name, operational state, MAC, addresses
with prefix lengths), followed by the default route of each family as the kernel
uses it (main table, lowest metric; see default_gateway()). ``--json`` prints the
same data as JSON: {"interfaces": [interface_details()...], "default_gateways":
{"inet": ..., "inet6": ...}}; names that are not valid UTF-8 use the \\udcXX
escapes of the library's JSON.
"""
from __future__ import annotations

import argparse
import json
import sys
from typing import Any, Dict, List, Optional

from . import AF_INET, AF_INET6, default_gateway, interface_details


def _show(name: str) -> str:
    """A name printable on any terminal: undecodable bytes as \\xNN."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _addresses(d: Dict[str, Any]) -> List[str]:
    out = []
    for a in d["addresses"]:
        text = a["address"]
        if a["peer"]:
            text += f" peer {a['peer']}"
        text += f"/{a['prefixlen']}"
        if a["family"] == AF_INET and a["label"] not in (None, d["name"]):
            text += f" ({_show(a['label'])})"
        out.append(text)
    return out


def _route_line(family_name: str, r: Optional[Dict[str, Any]]) -> str:
    if r is None:
        return f"default {family_name}: none"
    if not r["nexthops"]:
        return f"default {family_name}: {r['type']} metric {r['metric']}"
    hops = []
    for h in r["nexthops"]:
        parts = []
        if h["gateway"]:
            parts.append(f"via {h['gateway']}")
        if h["ifname"] is not None:
            parts.append(f"dev {_show(h['ifname'])}")
        if len(r["nexthops"]) > 1:
            parts.append(f"weight {h['weight']}")
        parts += h["flags"]
        hops.append(" ".join(parts))
    kind = "" if r["type"] == "unicast" else f"{r['type']} "
    return f"default {family_name}: {kind}{' | '.join(hops)} metric {r['metric']} proto {r['protocol']}"


def render_table(details: List[Dict[str, Any]], routes: Dict[str, Any]) -> str:
    rows = []
    for d in details:
        name = _show(d["name"])
        if d["parent_name"] is not None:
            name += "@" + _show(d["parent_name"])
        elif d["parent"] and d["parent_netns"]:
            name += f"@if{d['parent']}"
        rows.append((name, d["operstate"], d["address"] or "-", " ".join(_addresses(d))))
    w0 = max([16] + [len(r[0]) + 1 for r in rows])
    w2 = max([17] + [len(r[2]) + 1 for r in rows])
    lines = [f"{r[0]:<{w0}} {r[1]:<14} {r[2]:<{w2}} {r[3]}".rstrip() for r in rows]
    lines.append("")
    lines.append(_route_line("inet", routes["inet"]))
    lines.append(_route_line("inet6", routes["inet6"]))
    return "\n".join(lines) + "\n"


def main(argv: Optional[List[str]] = None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m netifaces_go",
        description="Interfaces, addresses and default routes (like `ip -br addr` "
                    "plus the default gateways).")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.add_argument("--netns", metavar="NAME|PATH",
                   help="a network namespace: a name under /run/netns or a path")
    p.add_argument("interface", nargs="?", help="show only this interface")
    args = p.parse_args(argv)
    try:
        if args.interface is not None:
            details = [interface_details(args.interface, netns=args.netns)]
        else:
            details = interface_details(netns=args.netns)
        routes = {"inet": default_gateway(AF_INET, netns=args.netns),
                  "inet6": default_gateway(AF_INET6, netns=args.netns)}
    except (OSError, ValueError) as e:
        print(f"netifaces_go: {e}", file=sys.stderr)
        return 1
    if args.json:
        text = json.dumps({"interfaces": details, "default_gateways": routes}, indent=1) + "\n"
    else:
        text = render_table(details, routes)
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:  # `| head`: not an error
        import os
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


if __name__ == "__main__":
    sys.exit(main())
