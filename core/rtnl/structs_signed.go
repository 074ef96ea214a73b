package rtnl

// Signed reports whether field i is a signed integer, so that encoders
// other than AppendJSON can render Field(i) as int64(Field(i)).
func (s *Struct) Signed(i int) bool { return s.layout.signed(i) }
