package rtnl

import "strings"

// TunTapSpec describes a tun/tap device to create. The kernel does not
// create tun devices through rtnetlink; Conn.Call does it with the
// /dev/net/tun ioctls (TUNSETIFF, TUNSETOWNER, TUNSETGROUP,
// TUNSETPERSIST) inside the Conn's namespace, like pyroute2's "tuntap"
// kind.
type TunTapSpec struct {
	Name  string
	Tap   bool   // IFF_TAP, else IFF_TUN
	Flags uint16 // extra IFF_NO_PI, IFF_VNET_HDR, IFF_MULTI_QUEUE...
	UID   int64  // -1 leaves the owner unset
	GID   int64  // -1 leaves the group unset
	// Set holds the remaining link arguments (mtu, state, master...),
	// applied with a link set after the device exists.
	Set map[string]any
}

// TUN/TAP interface flags (linux/if_tun.h).
const (
	IFF_TUN         = 0x0001
	IFF_TAP         = 0x0002
	IFF_NO_PI       = 0x1000
	IFF_ONE_QUEUE   = 0x2000
	IFF_VNET_HDR    = 0x4000
	IFF_MULTI_QUEUE = 0x0100
)

func tunTapFromArgs(kind string, args map[string]any) (*TunTapSpec, error) {
	t := &TunTapSpec{UID: -1, GID: -1, Tap: kind == "tap", Set: map[string]any{}}
	for _, key := range sortedKeys(args) {
		v := args[key]
		if v == nil {
			continue
		}
		switch key {
		case "kind", "info_kind":
		case "ifname":
			s, err := toString(key, v)
			if err != nil {
				return nil, err
			}
			if s == "" || len(s) > 15 || strings.ContainsAny(s, "/ \x00") {
				return nil, argErr(key, v, "invalid interface name (1..15 bytes, no '/' or spaces)")
			}
			t.Name = s
		case "mode":
			s, _ := v.(string)
			switch s {
			case "tap":
				t.Tap = true
			case "tun":
				t.Tap = false
			default:
				return nil, argErr(key, v, "want \"tun\" or \"tap\"")
			}
		case "uid", "gid":
			i, err := toInt(key, v)
			if err != nil {
				return nil, err
			}
			if key == "uid" {
				t.UID = i
			} else {
				t.GID = i
			}
		case "ifr":
			m, ok := v.(map[string]any)
			if !ok {
				return nil, argErr(key, v, "want an object of flags")
			}
			for name, bit := range map[string]uint16{"no_pi": IFF_NO_PI, "one_queue": IFF_ONE_QUEUE,
				"vnet_hdr": IFF_VNET_HDR, "multi_queue": IFF_MULTI_QUEUE} {
				if fv, ok := m[name]; ok {
					on, err := toBool(key+"."+name, fv)
					if err != nil {
						return nil, err
					}
					if on {
						t.Flags |= bit
					}
				}
			}
		case "no_pi", "vnet_hdr", "multi_queue", "one_queue":
			on, err := toBool(key, v)
			if err != nil {
				return nil, err
			}
			if on {
				t.Flags |= map[string]uint16{"no_pi": IFF_NO_PI, "one_queue": IFF_ONE_QUEUE,
					"vnet_hdr": IFF_VNET_HDR, "multi_queue": IFF_MULTI_QUEUE}[key]
			}
		default:
			t.Set[key] = v
		}
	}
	if t.Name == "" {
		return nil, argErr("ifname", nil, "tun/tap devices need ifname")
	}
	return t, nil
}
