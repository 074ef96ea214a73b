"""netifaces_go: a host's network plumbing from one Go core.

``import netifaces_go as netifaces`` is a drop-in for netifaces 0.11.0;
``netifaces_go.ipaddress`` for the standard library's ipaddress;
``netifaces_go.pyroute2`` for pyroute2's IPRoute.

Importing this package does not load the native library; the first call does.
"""
from __future__ import annotations

from ._errors import LibraryError, UnsupportedError
from ._netifaces import (  # noqa: F401 - the netifaces 0.11.0 API, then the extensions
    AF_APPLETALK, AF_ASH, AF_ATMPVC, AF_ATMSVC, AF_AX25, AF_BLUETOOTH, AF_BRIDGE, AF_DECnet,
    AF_ECONET, AF_FILE, AF_INET, AF_INET6, AF_IPX, AF_IRDA, AF_ISDN, AF_KEY, AF_LINK,
    AF_NETBEUI, AF_NETLINK, AF_NETROM, AF_PACKET, AF_PPPOX, AF_ROSE, AF_ROUTE, AF_SECURITY,
    AF_SNA, AF_UNIX, AF_UNSPEC, AF_WANPIPE, AF_X25, address_families, gateways, ifaddresses,
    interfaces,
    allifaddresses, default_gateway, interface_details,
)

#: netifaces compatibility: netifaces.version is the release it emulates.
version = "0.11.0"

#: This package's own version (the library reports its own via library_version()).
__version__ = "0.1.0"


def library_version() -> str:
    """Version of the loaded libnetifaces_go (loads the library)."""
    from . import _ffi
    return _ffi.library_version()


def debug_stats() -> dict:
    """Library diagnostics: outstanding allocations and handles, goroutines."""
    import json
    from ._ffi import api
    return json.loads(api.nig_debug_stats())
