"""Where a webhook may be delivered: not to the servers behind the firewall (SSRF).

An administrator could otherwise point a webhook at an internal address
(a database's HTTP port, a cloud's metadata service) and have Groeispurt
call it. Addresses that are not globally routable — loopback, private,
link-local, shared, reserved, multicast — are refused unless the settings
allow them (`GROEISPURT_WEBHOOKS_ALLOW_PRIVATE`, on in development and for
the tests' local receivers). A URL naming such an address is refused when it
is registered; a host name is resolved before every delivery, and refused
when any of its addresses is such an address.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

from domain.errors import InvalidInput
from service.error_texts import PRIVATE_WEBHOOK_ADDRESS

LOCAL_NAMES = ("localhost", "localhost.localdomain")


def is_internal(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not ip.is_global or ip.is_multicast


def check_registrable(url: str, allow_private: bool) -> None:
    """At registration: refuses a URL whose host is an internal address or a local name."""
    if allow_private:
        return
    host = (urlsplit(url).hostname or "").rstrip(".").lower()
    if host in LOCAL_NAMES or host.endswith(".localhost"):
        raise InvalidInput(PRIVATE_WEBHOOK_ADDRESS, "url")
    try:
        internal = is_internal(host)
    except ValueError:
        return  # a name: resolved before each delivery
    if internal:
        raise InvalidInput(PRIVATE_WEBHOOK_ADDRESS, "url")


def refusal(url: str, allow_private: bool) -> str | None:
    """Before a delivery: why it may not go to this URL now (None: it may)."""
    if allow_private:
        return None
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError as error:
        return f"the host {host} could not be resolved ({error.strerror or error})"
    for *_, address in found:
        if is_internal(str(address[0])):
            return f"the host {host} resolves to an internal address ({address[0]}), refused"
    return None
