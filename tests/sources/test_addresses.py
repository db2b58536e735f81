"""The address rules of the SSRF guard, one address at a time."""

from __future__ import annotations

import ipaddress

import pytest

from storywatch.errors import BlockedAddress
from storywatch.sources.addresses import AddressPolicy, classify, parse_ip, refusal
from storywatch.sources.guard import check_addresses

STRICT = AddressPolicy()
LOOPBACK = AddressPolicy(allow_loopback=True)
PRIVATE = AddressPolicy(allow_private=True)


@pytest.mark.parametrize(
    ("address", "words"),
    [
        ("127.0.0.1", "loopback"),
        ("127.8.9.10", "loopback"),
        ("::1", "loopback"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("169.254.169.254", "link-local"),
        ("fe80::1", "link-local"),
        ("fc00::1", "private"),
        ("224.0.0.1", "multicast"),
        ("ff02::1", "multicast"),
        ("0.0.0.0", "unspecified"),
        ("::", "unspecified"),
        ("100.64.0.1", "carrier-grade"),
        ("198.18.0.1", "benchmarking"),
        ("255.255.255.255", "broadcast"),
        ("240.0.0.1", "reserved"),
        ("::ffff:127.0.0.1", "loopback"),
        ("::ffff:10.0.0.1", "private"),
        ("::ffff:169.254.169.254", "link-local"),
        ("2002:7f00:1::", "loopback"),  # 6to4 wrapping 127.0.0.1
        ("64:ff9b::a00:1", "private"),  # NAT64 wrapping 10.0.0.1
        ("::127.0.0.1", "loopback"),  # IPv4-compatible
    ],
)
def test_non_public_addresses_are_refused_with_a_reason(address: str, words: str) -> None:
    reason = refusal(ipaddress.ip_address(address), STRICT)
    assert reason is not None
    assert words in reason


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700::1111", "1.1.1.1"])
def test_public_addresses_pass(address: str) -> None:
    assert classify(ipaddress.ip_address(address)) is None
    assert refusal(ipaddress.ip_address(address), STRICT) is None


def test_allow_loopback_opens_loopback_only() -> None:
    assert refusal(ipaddress.ip_address("127.0.0.1"), LOOPBACK) is None
    assert refusal(ipaddress.ip_address("::1"), LOOPBACK) is None
    assert refusal(ipaddress.ip_address("::ffff:127.0.0.1"), LOOPBACK) is None
    assert refusal(ipaddress.ip_address("10.0.0.1"), LOOPBACK) is not None
    assert refusal(ipaddress.ip_address("169.254.169.254"), LOOPBACK) is not None


def test_allow_private_opens_unicast_but_never_multicast_or_unspecified() -> None:
    for ok in ("10.0.0.1", "192.168.0.1", "127.0.0.1", "fe80::1"):
        assert refusal(ipaddress.ip_address(ok), PRIVATE) is None
    for bad in ("224.0.0.1", "0.0.0.0", "ff02::1"):
        assert refusal(ipaddress.ip_address(bad), PRIVATE) is not None


def test_parse_ip_reads_literals_and_leaves_names() -> None:
    assert parse_ip("[::1]") == ipaddress.ip_address("::1")
    assert parse_ip("127.0.0.1") == ipaddress.ip_address("127.0.0.1")
    assert parse_ip("example.com") is None


def test_a_name_with_any_private_address_is_refused() -> None:
    mixed = [ipaddress.ip_address("93.184.216.34"), ipaddress.ip_address("10.0.0.5")]
    with pytest.raises(BlockedAddress, match=r"feeds\.example \(10\.0\.0\.5\).*private"):
        check_addresses("feeds.example", mixed, STRICT)
    check_addresses("feeds.example", mixed[:1], STRICT)
