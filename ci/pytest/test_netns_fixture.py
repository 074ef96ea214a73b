"""The throwaway-namespace helper isolates what tests create from the host."""
import subprocess

from netns import Netns


def test_links_created_in_netns_stay_there():
    with Netns() as ns:
        ns.ip("link add nigv0 type veth peer name nigv1")
        inside = {link["ifname"] for link in ns.ip_json("link show")}
        host = subprocess.run(["ip", "-j", "link", "show"], capture_output=True, text=True).stdout
        assert {"lo", "nigv0", "nigv1"} <= inside
        assert "nigv0" not in host
    gone = subprocess.run(["ip", "netns", "list"], capture_output=True, text=True).stdout
    assert ns.name not in gone
