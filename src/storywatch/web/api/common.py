"""Models shared by the API modules: the error body, reasons, and page wrappers."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Path
from pydantic import BaseModel, Field

MAX_ID = 2**63 - 1
IdPath = Annotated[int, Path(ge=1, le=MAX_ID, description="A row id.")]


class ErrorDetail(BaseModel):
    code: str = Field(description="Stable machine-readable code, e.g. not_found, query_syntax.")
    message: str = Field(description="What went wrong, in words a person can act on.")
    column: int | None = Field(None, description="For query_syntax: the 1-based column.")
    expected: list[str] | None = Field(None, description="For query_syntax: what would fit.")


class ErrorOut(BaseModel):
    """Every error the API returns has this body."""

    error: ErrorDetail


class ReasonOut(BaseModel):
    kind: str = Field(description="term, phrase, person, org, place, story, source, ...")
    value: str
    detail: str = ""


def reasons_out(raw: Any) -> list[ReasonOut]:
    """Reasons stored as JSON (a list of dicts, or of [kind, value, detail]) as models."""
    out: list[ReasonOut] = []
    for item in raw or []:
        if isinstance(item, dict):
            out.append(
                ReasonOut(
                    kind=str(item.get("kind", "")),
                    value=str(item.get("value", "")),
                    detail=str(item.get("detail", "") or ""),
                )
            )
        elif isinstance(item, list | tuple) and item:
            padded = [*item, "", ""]
            out.append(ReasonOut(kind=str(padded[0]), value=str(padded[1]), detail=str(padded[2])))
        else:
            kind = getattr(item, "kind", None)
            if kind is not None:
                out.append(
                    ReasonOut(
                        kind=str(kind),
                        value=str(getattr(item, "value", "")),
                        detail=str(getattr(item, "detail", "") or ""),
                    )
                )
    return out


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorOut, "description": "No or bad credentials"},
    403: {"model": ErrorOut, "description": "Not allowed"},
    404: {"model": ErrorOut, "description": "No such thing (or not yours)"},
    422: {"model": ErrorOut, "description": "Invalid input"},
}
