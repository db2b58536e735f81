"""Which IP addresses a fetch may connect to (the decision half of the SSRF guard, R1).

Pure functions over :mod:`ipaddress` values, so every rule is tested without a network. An
address is refused unless it is a globally routable unicast address, and addresses that
smuggle an IPv4 address inside IPv6 (IPv4-mapped, IPv4-compatible, 6to4, Teredo, NAT64) are
judged by the IPv4 address they carry, because that is where the packets may end up.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
_NAT64_LOCAL = ipaddress.IPv6Network("64:ff9b:1::/48")
_CGNAT = ipaddress.IPv4Network("100.64.0.0/10")
_BENCHMARK = ipaddress.IPv4Network("198.18.0.0/15")
_THIS_NETWORK = ipaddress.IPv4Network("0.0.0.0/8")


@dataclass(frozen=True, slots=True)
class AddressPolicy:
    """What the operator allows beyond the public internet.

    ``allow_private`` lets every unicast address through (a fetcher inside a company network);
    ``allow_loopback`` only 127.0.0.0/8 and ::1 (the demo and tests). Multicast and the
    unspecified address are never connectable targets and stay refused.
    """

    allow_private: bool = False
    allow_loopback: bool = False


def embedded_ipv4(addr: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address carries, if it is one of the transition forms."""
    if addr.ipv4_mapped is not None:
        return addr.ipv4_mapped
    if addr.sixtofour is not None:
        return addr.sixtofour
    if addr.teredo is not None:
        return addr.teredo[1]  # the client address: where traffic is relayed to
    if addr in _NAT64 or addr in _NAT64_LOCAL:
        return ipaddress.IPv4Address(int(addr) & 0xFFFFFFFF)
    packed = addr.packed
    if packed[:12] == b"\x00" * 12 and int(addr) > 1:  # deprecated IPv4-compatible ::a.b.c.d
        return ipaddress.IPv4Address(packed[12:])
    return None


def classify(addr: IPAddress) -> str | None:
    """Why ``addr`` is not a public unicast address, in words; None when it is public."""
    if isinstance(addr, ipaddress.IPv6Address):
        if addr.scope_id:
            return "a scoped (link-local) IPv6 address"
        inner = embedded_ipv4(addr)
        if inner is not None:
            reason = classify(inner)
            return f"{reason} (inside the IPv6 address {addr})" if reason else None
    if addr.is_unspecified:
        return "the unspecified address"
    if addr.is_loopback:
        return "a loopback address"
    if addr.is_link_local:
        return "a link-local address"
    if addr.is_multicast:
        return "a multicast address"
    if isinstance(addr, ipaddress.IPv4Address):
        if addr in _THIS_NETWORK:
            return "a 'this network' address"
        if addr in _CGNAT:
            return "a carrier-grade NAT (shared) address"
        if addr in _BENCHMARK:
            return "a benchmarking address"
        if addr == ipaddress.IPv4Address("255.255.255.255"):
            return "the broadcast address"
    if addr.is_reserved:
        return "a reserved address"
    if addr.is_private:
        return "a private-network address"
    if not addr.is_global:
        return "a non-public address"
    return None


def _is_loopback(addr: IPAddress) -> bool:
    if isinstance(addr, ipaddress.IPv6Address):
        inner = addr.ipv4_mapped
        if inner is not None:
            return inner.is_loopback
    return addr.is_loopback


def refusal(addr: IPAddress, policy: AddressPolicy) -> str | None:
    """Why ``policy`` refuses a connection to ``addr``; None when it is allowed."""
    reason = classify(addr)
    if reason is None:
        return None
    if addr.is_multicast or addr.is_unspecified:
        return reason
    if policy.allow_private:
        return None
    if policy.allow_loopback and _is_loopback(addr):
        return None
    return reason


def parse_ip(host: str) -> IPAddress | None:
    """``host`` as an IP address if it is a literal one (brackets and zone ids allowed)."""
    text = host.strip("[]")
    try:
        return ipaddress.ip_address(text)
    except ValueError:
        pass
    # Legacy forms a resolver would still accept ("2130706433", "0x7f.1", "127.1") are
    # normalised by getaddrinfo before we check them, so they need no parsing here.
    return None
