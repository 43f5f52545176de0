"""Alembic migrations, applied on start-up; ``python -m cexdesk.migrations`` writes new ones."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, MetaData

HERE = Path(__file__).parent


def all_metadata() -> MetaData:
    """Import every domain's models so the metadata knows every table."""
    from cexdesk.models_index import import_all_models

    return import_all_models()


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(HERE))
    config.set_main_option("path_separator", "os")
    config.set_main_option("version_locations", str(HERE / "versions"))
    config.attributes["connection"] = connection
    return config


def upgrade_to_head(connection: Connection) -> None:
    command.upgrade(alembic_config(connection), "head")
