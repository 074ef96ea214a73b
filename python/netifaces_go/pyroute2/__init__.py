"""pyroute2-compatible rtnetlink on the Go core.

    from netifaces_go.pyroute2 import IPRoute
    with IPRoute() as ipr:
        ipr.link("add", ifname="v0", kind="veth", peer="v1")
        idx = ipr.link_lookup(ifname="v0")[0]
        ipr.addr("add", index=idx, address="10.0.0.1", prefixlen=24)
        for route in ipr.get_routes(family=2):
            print(route.get_attr("RTA_DST"), route["dst_len"])

Messages are pyroute2's dicts ('attrs' as (NAME, value) tuples, 'header',
'event', get_attr/get_attrs/get_nested/get with 0.9 semantics), built lazily.
Deliberate differences from pyroute2 are listed in docs/rtnl-json.md.
"""
from .._errors import NetlinkError
from . import constants, netns
from ._messages import fibmsg, ifaddrmsg, ifinfmsg, ndmsg, nla, nlmsg, nlmsgerr, rtmsg
from ._transport import NetlinkDumpInterrupted
from .iproute import IPRoute

__all__ = [
    "IPRoute", "NetlinkError", "NetlinkDumpInterrupted", "netns", "constants",
    "ifinfmsg", "ifaddrmsg", "rtmsg", "ndmsg", "fibmsg", "nlmsg", "nlmsgerr", "nla",
]
