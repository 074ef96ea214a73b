package rtnl

import (
	"fmt"
	"net"
)

// Link is the typed view of an RTM_NEWLINK message.
type Link struct {
	Index       int
	Name        string
	Flags       uint32 // IFF_*
	Type        uint16 // ARPHRD_*
	Family      uint8
	HWAddr      net.HardwareAddr // IFLA_ADDRESS (nil when absent)
	Broadcast   net.HardwareAddr // IFLA_BROADCAST
	PermAddr    net.HardwareAddr // IFLA_PERM_ADDRESS
	MTU         uint32
	MinMTU      uint32
	MaxMTU      uint32
	TxQLen      uint32
	Qdisc       string
	OperState   string // "UP", "DOWN", "LOWERLAYERDOWN", ... ("" when absent)
	Master      int    // IFLA_MASTER, 0 when none
	ParentIndex int    // IFLA_LINK (veth peer, vlan lower device), 0 when none
	LinkNetNSID int32  // IFLA_LINK_NETNSID, -1 when absent (peer in this netns)
	Alias       string
	AltNames    []string
	Kind        string // IFLA_INFO_KIND ("veth", "bridge", ...; "" for physical)
	SlaveKind   string // IFLA_INFO_SLAVE_KIND ("bridge", "bond")
	Group       uint32
	Promiscuity uint32
	Carrier     bool
	Stats64     *Struct // IFLA_STATS64, nil when absent

	// Msg is the message the view was built from.
	Msg *Message
}

// Up reports IFF_UP.
func (l *Link) Up() bool { return l.Flags&IFF_UP != 0 }

// LinkFromMessage builds the typed view of a link message.
func LinkFromMessage(m *Message) (Link, error) {
	if m.schema != linkSchema {
		return Link{}, fmt.Errorf("rtnl: %s is not a link message", m.Event())
	}
	l := Link{
		Family:      uint8(m.fixed[linkFieldFamily]),
		Type:        uint16(m.fixed[linkFieldType]),
		Index:       int(m.fixed[linkFieldIndex]),
		Flags:       uint32(m.fixed[linkFieldFlags]),
		LinkNetNSID: -1,
		Msg:         m,
	}
	for i := range m.Attrs {
		at := &m.Attrs[i]
		if at.Name == "UNKNOWN" {
			continue
		}
		switch at.Type {
		case IFLA_IFNAME:
			l.Name = asString(at.Value)
		case IFLA_ADDRESS:
			l.HWAddr = asHW(at.Value)
		case IFLA_BROADCAST:
			l.Broadcast = asHW(at.Value)
		case IFLA_PERM_ADDRESS:
			l.PermAddr = asHW(at.Value)
		case IFLA_MTU:
			l.MTU = uint32(asUint(at.Value))
		case IFLA_MIN_MTU:
			l.MinMTU = uint32(asUint(at.Value))
		case IFLA_MAX_MTU:
			l.MaxMTU = uint32(asUint(at.Value))
		case IFLA_TXQLEN:
			l.TxQLen = uint32(asUint(at.Value))
		case IFLA_QDISC:
			l.Qdisc = asString(at.Value)
		case IFLA_OPERSTATE:
			l.OperState = asString(at.Value)
		case IFLA_MASTER:
			l.Master = int(asUint(at.Value))
		case IFLA_LINK:
			l.ParentIndex = int(asUint(at.Value))
		case IFLA_LINK_NETNSID:
			l.LinkNetNSID = int32(asInt(at.Value))
		case IFLA_IFALIAS:
			l.Alias = asString(at.Value)
		case IFLA_GROUP:
			l.Group = uint32(asUint(at.Value))
		case IFLA_PROMISCUITY:
			l.Promiscuity = uint32(asUint(at.Value))
		case IFLA_CARRIER:
			l.Carrier = asUint(at.Value) != 0
		case IFLA_STATS64:
			l.Stats64, _ = at.Value.(*Struct)
		case IFLA_PROP_LIST:
			if nested, ok := at.Value.(Attrs); ok {
				for _, v := range nested.GetAll("IFLA_ALT_IFNAME") {
					l.AltNames = append(l.AltNames, asString(v))
				}
			}
		case IFLA_LINKINFO:
			if info, ok := at.Value.(Attrs); ok {
				l.Kind, _ = info.String("IFLA_INFO_KIND")
				l.SlaveKind, _ = info.String("IFLA_INFO_SLAVE_KIND")
			}
		}
	}
	return l, nil
}

func asString(v Value) string {
	switch x := v.(type) {
	case String:
		return string(x)
	case Hex:
		return x.String()
	case IP:
		return x.Addr().String()
	}
	return ""
}

func asUint(v Value) uint64 {
	switch x := v.(type) {
	case Uint:
		return uint64(x)
	case Int:
		return uint64(x)
	}
	return 0
}

func asInt(v Value) int64 {
	switch x := v.(type) {
	case Uint:
		return int64(x)
	case Int:
		return int64(x)
	}
	return 0
}

func asHW(v Value) net.HardwareAddr {
	if h, ok := v.(Hex); ok {
		return net.HardwareAddr(h)
	}
	return nil
}
