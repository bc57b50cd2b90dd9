package source

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"syscall"
	"time"
)

// ErrPrivateAddress is wrapped by every refusal to dial a non-public address.
var ErrPrivateAddress = errors.New("refused non-public address")

// maxRedirects is the number of redirects followed for one document.
const maxRedirects = 5

// nonPublic lists special-purpose ranges that netip's predicates miss:
// carrier-grade NAT, "this network", IETF protocol assignments, benchmarking,
// the reserved class E and NAT64 (which can embed a private IPv4 address).
var nonPublic = []netip.Prefix{
	netip.MustParsePrefix("0.0.0.0/8"),
	netip.MustParsePrefix("100.64.0.0/10"),
	netip.MustParsePrefix("192.0.0.0/24"),
	netip.MustParsePrefix("198.18.0.0/15"),
	netip.MustParsePrefix("240.0.0.0/4"),
	netip.MustParsePrefix("64:ff9b::/96"),
	netip.MustParsePrefix("64:ff9b:1::/48"),
}

// checkPublic refuses loopback, private, link-local, unspecified, multicast
// and other special-purpose addresses unless allowPrivate.
func checkPublic(ap netip.AddrPort, allowPrivate bool) error {
	if allowPrivate {
		return nil
	}
	a := ap.Addr().Unmap()
	kind := ""
	switch {
	case !a.IsValid():
		kind = "invalid"
	case a.IsLoopback():
		kind = "loopback"
	case a.IsPrivate():
		kind = "private"
	case a.IsLinkLocalUnicast():
		kind = "link-local"
	case a.IsUnspecified():
		kind = "unspecified"
	case a.IsMulticast(), a.IsLinkLocalMulticast(), a.IsInterfaceLocalMulticast():
		kind = "multicast"
	default:
		for _, p := range nonPublic {
			if p.Contains(a) {
				kind = "special-purpose"
				break
			}
		}
	}
	if kind == "" {
		return nil
	}
	return fmt.Errorf("%w %s (%s)", ErrPrivateAddress, a, kind)
}

// newClients builds the two HTTP clients over one transport whose dialer
// vets the resolved address of every connection: checking at dial time
// rather than on the URL also catches DNS names pointing inside, DNS
// rebinding and redirects to internal hosts.
func (r *Reader) newClients() (doc, robots *http.Client) {
	d := &net.Dialer{
		Timeout:   r.opt.Timeout,
		KeepAlive: 30 * time.Second,
		Control: func(network, address string, _ syscall.RawConn) error {
			ap, err := netip.ParseAddrPort(address)
			if err != nil {
				return fmt.Errorf("%w: cannot parse %q", ErrPrivateAddress, address)
			}
			return r.checkAddr(ap)
		},
	}
	tr := &http.Transport{
		// No proxy: through a proxy the dialer would vet the proxy's
		// address, not the target's.
		Proxy:               nil,
		DialContext:         d.DialContext,
		ForceAttemptHTTP2:   true,
		MaxIdleConns:        100,
		MaxIdleConnsPerHost: 2,
		IdleConnTimeout:     90 * time.Second,
		TLSHandshakeTimeout: r.opt.Timeout,
	}
	doc = &http.Client{
		Transport: tr,
		CheckRedirect: func(*http.Request, []*http.Request) error {
			return http.ErrUseLastResponse
		},
	}
	robots = &http.Client{
		Transport: tr,
		CheckRedirect: func(_ *http.Request, via []*http.Request) error {
			if len(via) > maxRedirects {
				return fmt.Errorf("more than %d redirects", maxRedirects)
			}
			return nil
		},
	}
	return doc, robots
}
