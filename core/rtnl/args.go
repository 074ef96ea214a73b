package rtnl

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"net/netip"
	"sort"
	"strconv"
	"strings"
)

// Call is a pyroute2-style request: ipr.<Object>(<Cmd>, **Args), e.g.
//
//	{"object":"route","cmd":"add","args":{"dst":"10.0.0.0/24","gateway":"10.0.0.1","table":100}}
//
// Args values are JSON values: numbers, strings, booleans, objects, arrays.
type Call struct {
	Object string         `json:"object"`
	Cmd    string         `json:"cmd"`
	Args   map[string]any `json:"args"`
}

// ParseCall decodes a Call from JSON. Numbers are kept exact (json.Number).
func ParseCall(b []byte) (Call, error) {
	var c Call
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	if err := d.Decode(&c); err != nil {
		return Call{}, &ArgError{Reason: "bad call JSON: " + err.Error()}
	}
	if c.Args == nil {
		c.Args = map[string]any{}
	}
	return c, nil
}

// ArgError reports an argument the request builder cannot use. It names
// the object, command and argument, and quotes the value.
type ArgError struct {
	Object, Cmd, Arg string
	Value            any
	Reason           string
}

func (e *ArgError) Error() string {
	var sb strings.Builder
	sb.WriteString("rtnl: ")
	if e.Object != "" {
		sb.WriteString(e.Object)
		if e.Cmd != "" {
			sb.WriteString(" " + e.Cmd)
		}
		sb.WriteString(": ")
	}
	if e.Arg != "" {
		sb.WriteString("argument " + strconv.Quote(e.Arg))
		if e.Value != nil {
			sb.WriteString("=" + quoteValue(e.Value))
		}
		sb.WriteString(": ")
	}
	sb.WriteString(e.Reason)
	return sb.String()
}

func quoteValue(v any) string {
	switch x := v.(type) {
	case string:
		return strconv.Quote(x)
	case json.Number:
		return x.String()
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprintf("%v", v)
	}
	return string(b)
}

// argErr builds an ArgError for key/value.
func argErr(key string, v any, format string, a ...any) *ArgError {
	return &ArgError{Arg: key, Value: v, Reason: fmt.Sprintf(format, a...)}
}

// toInt converts a JSON-ish value to an integer: numbers without
// fraction, numeric strings ("10", "0x1f"), booleans.
func toInt(key string, v any) (int64, error) {
	switch x := v.(type) {
	case int:
		return int64(x), nil
	case int8:
		return int64(x), nil
	case int16:
		return int64(x), nil
	case int32:
		return int64(x), nil
	case int64:
		return x, nil
	case uint:
		return int64(x), nil
	case uint8:
		return int64(x), nil
	case uint16:
		return int64(x), nil
	case uint32:
		return int64(x), nil
	case uint64:
		if x > math.MaxInt64 {
			return 0, argErr(key, v, "integer too large")
		}
		return int64(x), nil
	case float64:
		if x != math.Trunc(x) || math.IsInf(x, 0) || x > math.MaxInt64 || x < math.MinInt64 {
			return 0, argErr(key, v, "not an integer")
		}
		return int64(x), nil
	case bool:
		if x {
			return 1, nil
		}
		return 0, nil
	case json.Number:
		if i, err := x.Int64(); err == nil {
			return i, nil
		}
		if u, err := strconv.ParseUint(string(x), 10, 64); err == nil {
			return int64(u), nil // values above MaxInt64 wrap: only u64 attributes take them
		}
		return 0, argErr(key, v, "not an integer")
	case string:
		s := strings.TrimSpace(x)
		if i, err := strconv.ParseInt(s, 0, 64); err == nil {
			return i, nil
		}
		if u, err := strconv.ParseUint(s, 0, 64); err == nil {
			return int64(u), nil
		}
		return 0, argErr(key, v, "not an integer")
	case []any:
		// pyroute2 accepts index=[3] (the result of link_lookup).
		if len(x) == 1 {
			return toInt(key, x[0])
		}
	case map[string]any:
		// ...and a link message / dict with "index".
		if idx, ok := x["index"]; ok {
			return toInt(key, idx)
		}
	}
	return 0, argErr(key, v, "not an integer")
}

// toUint converts to an unsigned integer no larger than max.
func toUint(key string, v any, max uint64) (uint64, error) {
	if n, ok := v.(json.Number); ok {
		if u, err := strconv.ParseUint(string(n), 10, 64); err == nil {
			if u > max {
				return 0, argErr(key, v, "out of range (max %d)", max)
			}
			return u, nil
		}
	}
	i, err := toInt(key, v)
	if err != nil {
		return 0, err
	}
	if i < 0 || uint64(i) > max {
		if i < 0 && max == math.MaxUint64 {
			return uint64(i), nil
		}
		return 0, argErr(key, v, "out of range (0..%d)", max)
	}
	return uint64(i), nil
}

func toString(key string, v any) (string, error) {
	switch x := v.(type) {
	case string:
		return x, nil
	case json.Number:
		return x.String(), nil
	}
	return "", argErr(key, v, "not a string")
}

func toBool(key string, v any) (bool, error) {
	switch x := v.(type) {
	case bool:
		return x, nil
	case string:
		switch strings.ToLower(x) {
		case "1", "true", "yes", "on":
			return true, nil
		case "0", "false", "no", "off", "":
			return false, nil
		}
	default:
		if i, err := toInt(key, v); err == nil {
			return i != 0, nil
		}
	}
	return false, argErr(key, v, "not a boolean")
}

func toAddr(key string, v any) (netip.Addr, error) {
	s, err := toString(key, v)
	if err != nil {
		return netip.Addr{}, err
	}
	a, err := netip.ParseAddr(s)
	if err != nil {
		return netip.Addr{}, argErr(key, v, "not an IP address")
	}
	return a.Unmap(), nil
}

// parseMAC accepts aa:bb:cc:dd:ee:ff, aa-bb-..., and Cisco aabb.ccdd.eeff,
// case-insensitive; any even number of colon-separated hex bytes works
// (infiniband, tunnels).
func parseMAC(key string, v any) ([]byte, error) {
	s, err := toString(key, v)
	if err != nil {
		if arr, ok := v.([]any); ok {
			out := make([]byte, len(arr))
			for i, e := range arr {
				b, err := toUint(key, e, 255)
				if err != nil {
					return nil, err
				}
				out[i] = byte(b)
			}
			return out, nil
		}
		return nil, err
	}
	s = strings.ToLower(strings.TrimSpace(s))
	if len(s) == 14 && s[4] == '.' && s[9] == '.' {
		s = s[0:2] + ":" + s[2:4] + ":" + s[5:7] + ":" + s[7:9] + ":" + s[10:12] + ":" + s[12:14]
	}
	s = strings.ReplaceAll(s, "-", ":")
	parts := strings.Split(s, ":")
	out := make([]byte, 0, len(parts))
	for _, p := range parts {
		if len(p) == 0 || len(p) > 2 {
			return nil, argErr(key, v, "not a hardware address")
		}
		b, err := strconv.ParseUint(p, 16, 8)
		if err != nil {
			return nil, argErr(key, v, "not a hardware address")
		}
		out = append(out, byte(b))
	}
	if len(out) == 0 {
		return nil, argErr(key, v, "empty hardware address")
	}
	return out, nil
}

// parsePrefixLen accepts 24, "24" and "255.255.255.0" (pyroute2 mask=).
func parsePrefixLen(key string, v any, bits int) (int, error) {
	if s, ok := v.(string); ok && strings.ContainsAny(s, ".:") {
		m, err := netip.ParseAddr(s)
		if err != nil {
			return 0, argErr(key, v, "not a netmask")
		}
		b := m.AsSlice()
		n, seenZero := 0, false
		for _, c := range b {
			for i := 7; i >= 0; i-- {
				if c&(1<<i) != 0 {
					if seenZero {
						return 0, argErr(key, v, "non-contiguous netmask")
					}
					n++
				} else {
					seenZero = true
				}
			}
		}
		return n, nil
	}
	u, err := toUint(key, v, 128)
	if err != nil {
		return 0, err
	}
	if bits > 0 && int(u) > bits {
		return 0, argErr(key, v, "prefix length above %d", bits)
	}
	return int(u), nil
}

// sortedKeys returns the argument names in a fixed order so equal calls
// encode to equal bytes.
func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func familyOf(a netip.Addr) uint8 {
	if a.Is4() {
		return AF_INET
	}
	return AF_INET6
}
