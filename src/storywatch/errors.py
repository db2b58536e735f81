"""One exception tree for the whole service.

Errors inside a batch (one bad feed, one bad item) are turned into values and stored on the
source or item for a person to read; exceptions cross a boundary only (the API, the CLI, the
public Python functions). The web layer renders every :class:`StorywatchError` in one place
with its stable ``code`` and readable message.

::

    StorywatchError
    ├── ConfigError               a setting is missing or invalid
    ├── NotFound                  no such id (or not yours)
    ├── Unauthorized              no or bad credentials
    ├── Forbidden                 signed in, but not allowed
    ├── Conflict                  would duplicate something unique
    ├── InvalidInput              a request or argument is malformed
    │   └── QueryError            a subscription query does not parse (has a column)
    ├── FetchError                a URL could not be fetched
    │   ├── BlockedAddress        the SSRF guard refused the address
    │   ├── TooLarge              the body passed its size limit
    │   └── FetchTimeout          the fetch ran out of time
    ├── FeedError                 bytes that are not a feed we can read
    ├── ExtractError              a page that yields no article text
    └── DeliveryError             a channel refused or failed a send
        └── PermanentDeliveryError  retrying will not help (410 Gone, bad address)
"""

from __future__ import annotations


class StorywatchError(Exception):
    """Base of every error the service raises on purpose."""

    code = "error"
    status = 500

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code


class ConfigError(StorywatchError):
    code = "config_error"
    status = 500


class NotFound(StorywatchError):
    code = "not_found"
    status = 404


class Unauthorized(StorywatchError):
    code = "unauthorized"
    status = 401


class Forbidden(StorywatchError):
    code = "forbidden"
    status = 403


class Conflict(StorywatchError):
    code = "conflict"
    status = 409


class InvalidInput(StorywatchError):
    code = "invalid_input"
    status = 422


class QueryError(InvalidInput):
    """A query that does not parse; ``column`` (1-based) points at the problem."""

    code = "query_syntax"

    def __init__(self, message: str, *, column: int, expected: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.column = column
        self.expected = expected


class FetchError(StorywatchError):
    code = "fetch_failed"
    status = 502


class BlockedAddress(FetchError):
    code = "blocked_address"
    status = 400


class TooLarge(FetchError):
    code = "too_large"
    status = 413


class FetchTimeout(FetchError):
    code = "fetch_timeout"
    status = 504


class FeedError(StorywatchError):
    code = "not_a_feed"
    status = 422


class ExtractError(StorywatchError):
    code = "extract_failed"
    status = 422


class DeliveryError(StorywatchError):
    """A send failed; ``retry_after`` (seconds) is set when the receiver asked us to wait."""

    code = "delivery_failed"
    status = 502

    def __init__(
        self, message: str, *, retry_after: float | None = None, status_code: int | None = None
    ) -> None:
        super().__init__(message)
        self.retry_after = retry_after
        self.status_code = status_code


class PermanentDeliveryError(DeliveryError):
    code = "delivery_permanent"
