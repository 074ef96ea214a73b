package rtnl

// Dumps without Go-side filters keep every message of their kind, so their
// consumers can skip Match — and the full decode it needs — and read the
// messages in place (ReadWire). matchesWholeKind records that case; the
// builders call it with goFilter set when their object's filter selects in
// Go (interface master, link kind, address family...).

// wholeKind is what Match keeps: every message of schema, of one family
// when family >= 0.
type wholeKind struct {
	schema *msgSchema
	family int64
}

// matchesWholeKind marks b's Match as accepting every message of n's kind
// (of one family, if n compares the family field) when n compares nothing
// else and goFilter is false.
func (b *Built) matchesWholeKind(n *normMsg, goFilter bool) {
	if goFilter || len(n.attrs) > 0 {
		return
	}
	family := int64(-1)
	for name, v := range n.fields {
		if name != "family" || n.schema.familyField < 0 {
			return
		}
		family = v
	}
	b.whole = &wholeKind{schema: n.schema, family: family}
}

// MatchWire reports, for a dump, whether Match would keep the message w
// without decoding it; ok is false when that takes the decoded message
// (the dump filters in Go: use Match).
func (b *Built) MatchWire(w *WireMessage) (keep, ok bool) {
	k := b.whole
	if k == nil {
		return false, false
	}
	if w.schema != k.schema {
		return false, true
	}
	return k.family < 0 || w.fixedValue(k.schema.familyField) == k.family, true
}
