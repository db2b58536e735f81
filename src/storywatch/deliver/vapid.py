"""VAPID keys (RFC 8292): made once, kept in the store, shared by every process.

Browsers bind a push subscription to the server's public key, so the key pair must never
change under them. It lives in the ``kv`` table rather than a file so that every web and
delivery process of a scaled-out install signs with the same key; two processes starting at
once both try to insert, and the loser reads the winner's key.
"""

from __future__ import annotations

import base64
import json
import time
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, utils
from sqlalchemy.dialects import postgresql, sqlite

from storywatch.store import Database
from storywatch.store.tables import kv

KV_KEY = "vapid.private_key"
JWT_LIFETIME = 12 * 3600
JWT_RENEW_BEFORE = 3600


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def b64url_decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass
class VapidKeys:
    """The server's key pair, and a cache of signed tokens per push service origin."""

    private_key: ec.EllipticCurvePrivateKey
    subject: str
    _tokens: dict[str, tuple[str, float]] = field(default_factory=dict)

    @property
    def public_raw(self) -> bytes:
        return self.private_key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )

    @property
    def application_server_key(self) -> str:
        """What a browser passes to ``pushManager.subscribe`` (base64url, uncompressed point)."""
        return b64url(self.public_raw)

    def authorization(self, audience: str, now: float | None = None) -> str:
        """The ``Authorization: vapid t=<JWT>, k=<key>`` value for one push service origin.

        A signed token is reused until an hour before it expires: signing costs more than
        encrypting a payload, and push services accept a token for up to a day.
        """
        now = time.time() if now is None else now
        cached = self._tokens.get(audience)
        if cached is not None and cached[1] - now > JWT_RENEW_BEFORE:
            return cached[0]
        exp = int(now) + JWT_LIFETIME
        token = sign_jwt({"aud": audience, "exp": exp, "sub": self.subject}, self.private_key)
        value = f"vapid t={token}, k={self.application_server_key}"
        self._tokens[audience] = (value, float(exp))
        return value


def sign_jwt(claims: dict[str, Any], key: ec.EllipticCurvePrivateKey) -> str:
    """An ES256 JWT (RFC 7515 with the raw r||s signature RFC 7518 asks for)."""
    header = b64url(b'{"typ":"JWT","alg":"ES256"}')
    body = b64url(json.dumps(claims, separators=(",", ":"), sort_keys=True).encode())
    signing_input = f"{header}.{body}".encode()
    der = key.sign(signing_input, ec.ECDSA(hashes.SHA256()))
    r, s = utils.decode_dss_signature(der)
    return f"{header}.{body}.{b64url(r.to_bytes(32, 'big') + s.to_bytes(32, 'big'))}"


def _pem(key: ec.EllipticCurvePrivateKey) -> str:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()


def _load(pem: str) -> ec.EllipticCurvePrivateKey:
    key = serialization.load_pem_private_key(pem.encode(), password=None)
    if not isinstance(key, ec.EllipticCurvePrivateKey):
        raise ValueError("the stored VAPID key is not an EC key")
    return key


async def load_or_create(db: Database, subject: str) -> VapidKeys:
    """The install's VAPID keys, generated and stored on first use."""
    async with db.read() as conn:
        value = (await conn.execute(sa.select(kv.c.value).where(kv.c.key == KV_KEY))).scalar()
    if value is None:
        fresh = _pem(ec.generate_private_key(ec.SECP256R1()))
        async with db.write() as conn:
            insert: Any = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
            await conn.execute(
                insert(kv)
                .values(key=KV_KEY, value=fresh)
                .on_conflict_do_nothing(index_elements=["key"])
            )
            value = (await conn.execute(sa.select(kv.c.value).where(kv.c.key == KV_KEY))).scalar()
    assert isinstance(value, str)
    return VapidKeys(private_key=_load(value), subject=subject)
