"""Write a new migration from the models: python -m cexdesk.migrations "message" [rev-id]."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from alembic import command
from sqlalchemy import create_engine

from cexdesk.migrations import alembic_config


def main() -> None:
    message = sys.argv[1] if len(sys.argv) > 1 else "change"
    rev_id = sys.argv[2] if len(sys.argv) > 2 else None
    with tempfile.TemporaryDirectory() as tmp:
        # Compare the models against a scratch database brought up to head.
        engine = create_engine(f"sqlite:///{Path(tmp) / 'scratch.db'}")
        with engine.begin() as connection:
            config = alembic_config(connection)
            command.upgrade(config, "head")
            command.revision(config, message=message, autogenerate=True, rev_id=rev_id)


if __name__ == "__main__":
    main()
