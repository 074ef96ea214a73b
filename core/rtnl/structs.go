package rtnl

import (
	"encoding/binary"
	"strconv"
)

// Struct is a fixed binary record of named integer fields (IFLA_STATS64,
// IFA_CACHEINFO, IFLA_MAP, ...), rendered as a JSON object in field order.
type Struct struct {
	layout *structLayout
	vals   []uint64 // signed fields are stored sign-extended
	tail   []byte   // bytes past the last known field (newer kernels)
}

// Len returns the number of decoded fields.
func (s *Struct) Len() int { return len(s.vals) }

// Name returns the name of field i.
func (s *Struct) Name(i int) string { return s.layout.name(i) }

// Field returns field i; for signed fields reinterpret with int64().
func (s *Struct) Field(i int) uint64 { return s.vals[i] }

// Get returns the field called name.
func (s *Struct) Get(name string) (uint64, bool) {
	for i := range s.vals {
		if s.layout.name(i) == name {
			return s.vals[i], true
		}
	}
	return 0, false
}

// Tail returns undecoded bytes that followed the known fields.
func (s *Struct) Tail() []byte { return s.tail }

// AppendJSON implements Value.
func (s *Struct) AppendJSON(dst []byte) []byte {
	dst = append(dst, '{')
	for i, v := range s.vals {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, '"')
		dst = append(dst, s.layout.name(i)...) // names are plain ASCII
		dst = append(dst, `":`...)
		if s.layout.signed(i) {
			dst = strconv.AppendInt(dst, int64(v), 10)
		} else {
			dst = strconv.AppendUint(dst, v, 10)
		}
	}
	if len(s.tail) > 0 {
		if len(s.vals) > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, `"__tail":"`...)
		dst = appendColonHex(dst, s.tail)
		dst = append(dst, '"')
	}
	return append(dst, '}')
}

// structField describes one field of a fixed record.
type structField struct {
	name   string
	width  uint8 // 1, 2, 4 or 8 bytes
	signed bool
	be     bool // network byte order
}

// structLayout describes a record: either a list of fields, or an array of
// same-width elements (elem > 0) whose first names are known.
type structLayout struct {
	fields []structField
	elem   uint8 // array layouts: element width; extra elements get __N names
	size   int   // C sizeof, when it has trailing padding that is not data
}

func (l *structLayout) name(i int) string {
	if i < len(l.fields) {
		return l.fields[i].name
	}
	return "__" + strconv.Itoa(i)
}

func (l *structLayout) signed(i int) bool {
	return i < len(l.fields) && l.fields[i].signed
}

// decode reads b according to the layout. A record shorter than the layout
// yields only the fields that fit completely (older kernels send shorter
// records); for array layouts every whole element is kept.
func (l *structLayout) decode(b []byte) *Struct {
	s := &Struct{layout: l}
	if l.elem > 0 {
		w := int(l.elem)
		n := len(b) / w
		s.vals = make([]uint64, n)
		for i := 0; i < n; i++ {
			s.vals[i] = readUint(b[i*w:], l.elem, false)
		}
		if rest := b[n*w:]; len(rest) > 0 {
			s.tail = append([]byte(nil), rest...)
		}
		return s
	}
	s.vals = make([]uint64, 0, len(l.fields))
	off := 0
	for _, f := range l.fields {
		if off+int(f.width) > len(b) {
			break
		}
		v := readUint(b[off:], f.width, f.be)
		if f.signed {
			v = signExtend(v, f.width)
		}
		s.vals = append(s.vals, v)
		off += int(f.width)
	}
	if off < len(b) && len(b) > l.size {
		s.tail = append([]byte(nil), b[off:]...)
	}
	return s
}

func readUint(b []byte, width uint8, be bool) uint64 {
	var order binary.ByteOrder = binary.NativeEndian
	if be {
		order = binary.BigEndian
	}
	switch width {
	case 1:
		return uint64(b[0])
	case 2:
		return uint64(order.Uint16(b))
	case 4:
		return uint64(order.Uint32(b))
	default:
		return order.Uint64(b)
	}
}

func signExtend(v uint64, width uint8) uint64 {
	switch width {
	case 1:
		return uint64(int64(int8(v)))
	case 2:
		return uint64(int64(int16(v)))
	case 4:
		return uint64(int64(int32(v)))
	}
	return v
}

// Helpers to write layouts compactly.
func u8f(n string) structField  { return structField{name: n, width: 1} }
func u16f(n string) structField { return structField{name: n, width: 2} }
func u32f(n string) structField { return structField{name: n, width: 4} }
func u64f(n string) structField { return structField{name: n, width: 8} }
func s32f(n string) structField { return structField{name: n, width: 4, signed: true} }

func fieldsOf(width uint8, names ...string) []structField {
	fs := make([]structField, len(names))
	for i, n := range names {
		fs[i] = structField{name: n, width: width}
	}
	return fs
}
