package ipaddr

import (
	"math/big"
	"strconv"
)

// Constructors from Python ints and bytes. Ints are *big.Int because
// CPython's messages print any out-of-range value exactly.

// IPv4AddressFromInt is IPv4Address(int).
func IPv4AddressFromInt(v *big.Int) (Addr, error) { return addrFromBigInt(v, 4) }

// IPv6AddressFromInt is IPv6Address(int).
func IPv6AddressFromInt(v *big.Int) (Addr, error) { return addrFromBigInt(v, 6) }

func addrFromBigInt(v *big.Int, version int) (Addr, error) {
	if err := checkIntAddress(v, version); err != nil {
		return Addr{}, err
	}
	return Addr{ip: u128FromBig(v), v: uint8(version)}, nil
}

// checkIntAddress is _IPAddressBase._check_int_address.
func checkIntAddress(v *big.Int, version int) *Error {
	bitsN := maxBits(uint8(version))
	ver := strconv.Itoa(version)
	if v.Sign() < 0 {
		return addressError(v.String() + " (< 0) is not permitted as an IPv" + ver + " address")
	}
	if v.BitLen() > bitsN {
		return addressError(v.String() + " (>= 2**" + strconv.Itoa(bitsN) + ") is not permitted as an IPv" + ver + " address")
	}
	return nil
}

// IPv4AddressFromBytes is IPv4Address(bytes): exactly 4 bytes.
func IPv4AddressFromBytes(b []byte) (Addr, error) { return addrFromBytes(b, 4) }

// IPv6AddressFromBytes is IPv6Address(bytes): exactly 16 bytes.
func IPv6AddressFromBytes(b []byte) (Addr, error) { return addrFromBytes(b, 6) }

func addrFromBytes(b []byte, version int) (Addr, error) {
	want := maxBits(uint8(version)) / 8
	if len(b) != want {
		return Addr{}, addressError(pyBytesRepr(b) + " (len " + strconv.Itoa(len(b)) + " != " +
			strconv.Itoa(want) + ") is not permitted as an IPv" + strconv.Itoa(version) + " address")
	}
	if version == 4 {
		return AddrFrom4Bytes([4]byte(b)), nil
	}
	return AddrFrom16([16]byte(b)), nil
}

// AddressFromInt is ip_address(int): IPv4 below 2**32, else IPv6.
func AddressFromInt(v *big.Int) (Addr, error) {
	for _, version := range [2]int{4, 6} {
		if a, err := addrFromBigInt(v, version); err == nil {
			return a, nil
		}
	}
	return Addr{}, valueError(v.String() + " does not appear to be an IPv4 or IPv6 address")
}

// AddressFromBytes is ip_address(bytes): 4 bytes IPv4, 16 bytes IPv6.
func AddressFromBytes(b []byte) (Addr, error) {
	for _, version := range [2]int{4, 6} {
		if a, err := addrFromBytes(b, version); err == nil {
			return a, nil
		}
	}
	return Addr{}, valueError(pyBytesRepr(b) + " does not appear to be an IPv4 or IPv6 address")
}

// NetworkFromInt is ip_network(int) (a /32 or /128); InterfaceFromInt is ip_interface(int).
func NetworkFromInt(v *big.Int) (Network, error) {
	a, err := AddressFromInt(v)
	if err != nil {
		return Network{}, valueError(v.String() + " does not appear to be an IPv4 or IPv6 network")
	}
	return NetworkFromAddr(a), nil
}

func InterfaceFromInt(v *big.Int) (Interface, error) {
	a, err := AddressFromInt(v)
	if err != nil {
		return Interface{}, valueError(v.String() + " does not appear to be an IPv4 or IPv6 interface")
	}
	return InterfaceFromAddr(a), nil
}

// V4IntToPacked and V6IntToPacked are v4_int_to_packed and v6_int_to_packed.
func V4IntToPacked(v *big.Int) ([]byte, error) { return intToPacked(v, 4) }
func V6IntToPacked(v *big.Int) ([]byte, error) { return intToPacked(v, 6) }

func intToPacked(v *big.Int, version int) ([]byte, error) {
	n := maxBits(uint8(version)) / 8
	if v.Sign() < 0 || v.BitLen() > 8*n {
		return nil, valueError("Address negative or too large for IPv" + strconv.Itoa(version))
	}
	return v.FillBytes(make([]byte, n)), nil
}

// NetworkFromBytes is ip_network(bytes); InterfaceFromBytes is ip_interface(bytes).
func NetworkFromBytes(b []byte) (Network, error) {
	a, err := AddressFromBytes(b)
	if err != nil {
		return Network{}, valueError(pyBytesRepr(b) + " does not appear to be an IPv4 or IPv6 network")
	}
	return NetworkFromAddr(a), nil
}

func InterfaceFromBytes(b []byte) (Interface, error) {
	a, err := AddressFromBytes(b)
	if err != nil {
		return Interface{}, valueError(pyBytesRepr(b) + " does not appear to be an IPv4 or IPv6 interface")
	}
	return InterfaceFromAddr(a), nil
}
