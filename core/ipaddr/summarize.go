package ipaddr

// SummarizeAddressRange is summarize_address_range(first, last): the
// fewest networks covering first..last, in address order, without scope ids.
func SummarizeAddressRange(first, last Addr) ([]Network, error) {
	if err := checkRange(first, last); err != nil {
		return nil, err
	}
	var out []Network
	summarize(first.ip, last.ip, first.v, func(n Network) bool {
		out = append(out, n)
		return true
	})
	return out, nil
}

// checkRange reproduces summarize_address_range's argument errors.
func checkRange(first, last Addr) error {
	if !first.IsValid() || !last.IsValid() {
		return typeError("first and last must be IP addresses, not networks")
	}
	if first.v != last.v {
		return notSameVersion(first, last)
	}
	if first.greaterPy(last) {
		return valueError("last IP address must be greater than first")
	}
	return nil
}

// summarize yields the CIDR blocks of [first, last] (first <= last), the
// largest aligned block at each step, until yield returns false.
func summarize(first, last u128, v uint8, yield func(Network) bool) bool {
	width := maxBits(v)
	for {
		nbits := first.trailingZeros()
		if nbits > width {
			nbits = width
		}
		// (last - first + 1).bit_length() - 1, without overflowing at 2**128.
		span, _ := last.sub(first)
		var fit int
		if span == lowOnes(128) {
			fit = 128
		} else {
			fit = span.addOne().bitLen() - 1
		}
		if fit < nbits {
			nbits = fit
		}
		if !yield(Network{addr: Addr{ip: first, v: v}, bits: uint8(width - nbits)}) {
			return false
		}
		end := first.or(lowOnes(nbits)) // last address of this block
		if end == last || end == lowOnes(width) {
			return true
		}
		first = end.addOne()
	}
}
