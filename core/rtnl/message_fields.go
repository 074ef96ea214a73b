package rtnl

// FixedKey is one key of a message's fixed family header, in pyroute2's
// key order.
type FixedKey struct {
	Name string
	// Pad marks a padding key ("__align", "__pad"): pyroute2 shows it as an
	// empty tuple and it has no value.
	Pad bool
}

// fixedKeys holds each schema's keys, built once: encoders walk them per
// message, so they must not be rebuilt (or searched by name) each time.
var fixedKeys = func() map[*msgSchema][]FixedKey {
	out := map[*msgSchema][]FixedKey{}
	for _, s := range []*msgSchema{linkSchema, addrSchema, routeSchema, neighSchema, ruleSchema} {
		keys := make([]FixedKey, len(s.fields))
		for i, f := range s.fields {
			keys[i] = FixedKey{Name: f.name, Pad: f.pad}
		}
		out[s] = keys
	}
	return out
}()

// FixedKeys returns the keys of m's fixed family header in pyroute2's order,
// padding keys included; nil for messages without one (NLMSG_ERROR,
// unknown types). The slice is shared and must not be modified.
func (m *Message) FixedKeys() []FixedKey {
	if m.schema == nil {
		return nil
	}
	return fixedKeys[m.schema]
}

// FixedValue returns the value of the i-th non-padding key of FixedKeys
// (the same as Field(name), without the search by name); 0 when out of
// range.
func (m *Message) FixedValue(i int) int64 {
	if i < 0 || i >= len(m.fixed) {
		return 0
	}
	return m.fixed[i]
}
