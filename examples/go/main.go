// Command go example: the same core the C ABI and the Python package use.
package main

import (
	"fmt"
	"log"

	"github.com/netifaces-go/netifaces-go/core/ifenum"
	"github.com/netifaces-go/netifaces-go/core/ipaddr"
	"github.com/netifaces-go/netifaces-go/core/rtnl"
)

func main() {
	conn, err := rtnl.Dial(rtnl.Options{}) // rtnl.Options{NetNS: "blue"}: a named netns
	if err != nil {
		log.Fatal(err)
	}
	defer conn.Close()
	links, err := conn.Links()
	if err != nil {
		log.Fatal(err)
	}
	for _, l := range links {
		fmt.Println(l.Index, l.Name, l.MTU)
	}
	lo, err := ifenum.IfAddresses("lo", ifenum.Options{}) // netifaces.ifaddresses("lo")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(string(lo.AppendJSON(nil)))
	n := ipaddr.MustParseNetwork("192.0.2.0/24")
	fmt.Println(n, n.NumAddresses(), n.Contains(ipaddr.MustParseAddress("192.0.2.7")))
}
