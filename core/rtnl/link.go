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
		if at := &m.Attrs[i]; at.Name != "UNKNOWN" {
			l.setAttr(at.Type, at.Value)
		}
	}
	return l, nil
}

// setAttr applies one decoded attribute to the view. The wire decoder
// calls the typed setters directly for scalar attributes.
func (l *Link) setAttr(typ uint16, v Value) {
	switch typ {
	case IFLA_IFNAME, IFLA_QDISC, IFLA_OPERSTATE, IFLA_IFALIAS:
		l.setString(typ, asString(v))
	case IFLA_ADDRESS, IFLA_BROADCAST, IFLA_PERM_ADDRESS:
		l.setBytes(typ, asHW(v))
	case IFLA_MTU, IFLA_MIN_MTU, IFLA_MAX_MTU, IFLA_TXQLEN, IFLA_MASTER, IFLA_LINK,
		IFLA_LINK_NETNSID, IFLA_GROUP, IFLA_PROMISCUITY, IFLA_CARRIER:
		l.setUint(typ, asUint(v))
	case IFLA_STATS64:
		l.Stats64, _ = v.(*Struct)
	case IFLA_PROP_LIST:
		if nested, ok := v.(Attrs); ok {
			for _, v := range nested.GetAll("IFLA_ALT_IFNAME") {
				l.AltNames = append(l.AltNames, asString(v))
			}
		}
	case IFLA_LINKINFO:
		if info, ok := v.(Attrs); ok {
			l.Kind, _ = info.String("IFLA_INFO_KIND")
			l.SlaveKind, _ = info.String("IFLA_INFO_SLAVE_KIND")
		}
	}
}

// linkViewAttrs lists the attributes setAttr uses; the wire decoder skips
// the others without decoding them.
var linkViewAttrs = attrSet(IFLA_IFNAME, IFLA_QDISC, IFLA_OPERSTATE, IFLA_IFALIAS,
	IFLA_ADDRESS, IFLA_BROADCAST, IFLA_PERM_ADDRESS,
	IFLA_MTU, IFLA_MIN_MTU, IFLA_MAX_MTU, IFLA_TXQLEN, IFLA_MASTER, IFLA_LINK,
	IFLA_LINK_NETNSID, IFLA_GROUP, IFLA_PROMISCUITY, IFLA_CARRIER,
	IFLA_STATS64, IFLA_PROP_LIST, IFLA_LINKINFO)

func (l *Link) setString(typ uint16, s string) {
	switch typ {
	case IFLA_IFNAME:
		l.Name = s
	case IFLA_QDISC:
		l.Qdisc = s
	case IFLA_OPERSTATE:
		l.OperState = s
	case IFLA_IFALIAS:
		l.Alias = s
	}
}

func (l *Link) setBytes(typ uint16, b net.HardwareAddr) {
	switch typ {
	case IFLA_ADDRESS:
		l.HWAddr = b
	case IFLA_BROADCAST:
		l.Broadcast = b
	case IFLA_PERM_ADDRESS:
		l.PermAddr = b
	}
}

func (l *Link) setUint(typ uint16, x uint64) {
	switch typ {
	case IFLA_MTU:
		l.MTU = uint32(x)
	case IFLA_MIN_MTU:
		l.MinMTU = uint32(x)
	case IFLA_MAX_MTU:
		l.MaxMTU = uint32(x)
	case IFLA_TXQLEN:
		l.TxQLen = uint32(x)
	case IFLA_MASTER:
		l.Master = int(x)
	case IFLA_LINK:
		l.ParentIndex = int(x)
	case IFLA_LINK_NETNSID:
		l.LinkNetNSID = int32(x)
	case IFLA_GROUP:
		l.Group = uint32(x)
	case IFLA_PROMISCUITY:
		l.Promiscuity = uint32(x)
	case IFLA_CARRIER:
		l.Carrier = x != 0
	}
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
