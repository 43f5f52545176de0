"""The base of every request body: unknown fields refused, and the NUL character too."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Query
from pydantic import BaseModel, ConfigDict, Field, field_validator

# For query parameters: Query(pattern=NO_NUL).
NO_NUL = r"^[^\x00]*$"


class StrictModel(BaseModel):
    """Request bodies: ``extra="forbid"`` names an unknown field in a 422; NUL is refused."""

    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="after")
    @classmethod
    def _no_nul(cls, value: object) -> object:
        # PostgreSQL cannot store U+0000 in text and would fail the statement with a 500.
        texts = value if isinstance(value, list) else [value]
        if any(isinstance(text, str) and "\x00" in text for text in texts):
            raise ValueError("must not contain the NUL character")
        return value


# Row ids are 64-bit; a larger number is a 422 here, not an overflow in the driver.
MAX_ID = 2**63 - 1
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
PathId = Annotated[int, Path(ge=1, le=MAX_ID)]
QueryId = Annotated[int | None, Query(ge=1, le=MAX_ID)]
