"""Batch lines from a CSV file: ``exchange_uid,asset,amount[,ticket_id]`` with a header row."""

from __future__ import annotations

import csv
import io

from pydantic import ValidationError

from cexdesk.compensation.schemas import NewLine
from cexdesk.core.errors import Invalid

COLUMNS = ("exchange_uid", "asset", "amount")
OPTIONAL = ("ticket_id",)
MAX_ROWS = 5000


def lines_from_csv(data: bytes) -> list[NewLine]:
    """Every row as a line, or ``Invalid`` naming the first bad row (nothing half-added)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise Invalid("file", "the file is not UTF-8 text") from None
    reader = csv.DictReader(io.StringIO(text))
    header = [name.strip() for name in reader.fieldnames or ()]
    missing = [name for name in COLUMNS if name not in header]
    if missing:
        raise Invalid("file", f"the header row lacks {', '.join(missing)}")
    unknown = [name for name in header if name not in COLUMNS + OPTIONAL]
    if unknown:
        raise Invalid("file", f"unknown columns: {', '.join(unknown)}")
    reader.fieldnames = header
    lines: list[NewLine] = []
    for row in reader:
        if len(lines) >= MAX_ROWS:
            raise Invalid("file", f"at most {MAX_ROWS} rows per upload")
        values = {k: (v or "").strip() for k, v in row.items() if k is not None}
        if not any(values.values()):
            continue  # a blank line
        if values.get("ticket_id") == "":
            values.pop("ticket_id")
        try:
            lines.append(NewLine.model_validate(values))
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(part) for part in first["loc"])
            raise Invalid("file", f"row {reader.line_num}: {where}: {first['msg']}") from None
    if not lines:
        raise Invalid("file", "the file has no lines")
    return lines
