package ifenum

// Details is everything InterfaceDetails reports about one link; it goes
// beyond netifaces (which has no such call).
type Details struct {
	Index       int
	Name        string
	AltNames    []string
	Alias       string // IFLA_IFALIAS
	Kind        string // IFLA_INFO_KIND: "veth", "bridge", ...; "" for hardware
	SlaveKind   string // IFLA_INFO_SLAVE_KIND: "bridge" for a bridge port, ...
	Type        uint16 // ARPHRD_*
	TypeName    string // as `ip link` prints after "link/": "ether", "loopback", "none"
	Flags       uint32 // IFF_*
	FlagNames   []string
	OperState   string // "UP", "DOWN", "LOWERLAYERDOWN", "UNKNOWN", ...
	Carrier     bool
	MTU         uint32
	Master      int    // IFLA_MASTER ifindex, 0 when none
	MasterName  string // "" when none or gone
	Parent      int    // IFLA_LINK: veth peer, macvlan/vxlan lower device; 0 when none
	ParentName  string // "" when none, gone, or in another namespace
	ParentNetNS bool   // the parent index refers to another namespace (IFLA_LINK_NETNSID)
	Address     string // IFLA_ADDRESS as netifaces prints it, "" when none
	Broadcast   string
	PermAddress string // IFLA_PERM_ADDRESS, "" when the driver has none
	Qdisc       string
	TxQLen      uint32
	Stats       []Stat // IFLA_STATS64 in kernel field order; nil when absent
	Addresses   []AddrDetails
}

// Stat is one named counter of IFLA_STATS64.
type Stat struct {
	Name  string
	Value uint64
}

// AddrDetails is one address of a link with its kernel attributes.
type AddrDetails struct {
	Family    int
	Address   string // the local address (IFA_LOCAL, else IFA_ADDRESS), no %scope
	PrefixLen int
	Peer      string // point-to-point peer, "" when none
	Broadcast string // IFA_BROADCAST, "" when none
	Label     string // IPv4 label, "" for IPv6
	Scope     string // "global", "link", "host", "site", "nowhere" or a number
	Flags     []string
	// Lifetimes in seconds from IFA_CACHEINFO; Forever (0xffffffff) means
	// infinite. Both are Forever when the kernel sent no cache info.
	PreferredLifetime uint32
	ValidLifetime     uint32
}

// Forever is the lifetime value the kernel uses for "never expires".
const Forever = 0xffffffff
