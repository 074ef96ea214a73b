"""The README's Python example (run by ci/pytest/test_examples.py)."""
import netifaces_go as netifaces           # netifaces 0.11.0 API
from netifaces_go import ipaddress         # stdlib ipaddress API
from netifaces_go.pyroute2 import IPRoute  # pyroute2 IPRoute API

print(netifaces.interfaces())              # ['lo', 'eth0', ...]
print(netifaces.ifaddresses("lo")[netifaces.AF_INET])
print(netifaces.gateways().get("default"))
net = ipaddress.ip_network("192.0.2.0/24")
print(net.num_addresses, ipaddress.ip_address("192.0.2.7") in net)
print(list(ipaddress.collapse_addresses([net, ipaddress.ip_network("192.0.3.0/24")])))
with IPRoute() as ipr:
    print([(link["index"], link.get("ifname")) for link in ipr.get_links()])
