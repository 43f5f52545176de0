"""ticket list indexes and search

Indexes for the category and channel filters of the ticket list, and full-text search
over subjects and message bodies: an FTS5 table (trigram tokenizer, so Chinese and
every other script match by substring) kept by triggers on SQLite; pg_trgm GIN indexes
serving ILIKE on PostgreSQL. Both give the same substring semantics.

On SQLite the index is kept by triggers on ``tickets`` and ``messages``. A later
migration that makes Alembic rebuild either table (batch "move and copy", e.g. altering a
column) drops those triggers with the old table: it must create them again (copy
``SQLITE_SEARCH[1:7]``).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 13:03:57.122545
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The FTS row of a ticket's subject has rowid -ticket.id; a message's has rowid message.id.
SQLITE_SEARCH = [
    """CREATE VIRTUAL TABLE ticket_search_fts USING fts5(
        body, ticket_id UNINDEXED, internal UNINDEXED, tokenize='trigram')""",
    """CREATE TRIGGER ticket_search_ticket_ins AFTER INSERT ON tickets BEGIN
        INSERT INTO ticket_search_fts(rowid, body, ticket_id, internal)
        VALUES (-new.id, new.subject, new.id, 0);
    END""",
    """CREATE TRIGGER ticket_search_ticket_upd AFTER UPDATE OF subject ON tickets BEGIN
        DELETE FROM ticket_search_fts WHERE rowid = -old.id;
        INSERT INTO ticket_search_fts(rowid, body, ticket_id, internal)
        VALUES (-new.id, new.subject, new.id, 0);
    END""",
    """CREATE TRIGGER ticket_search_ticket_del AFTER DELETE ON tickets BEGIN
        DELETE FROM ticket_search_fts WHERE rowid = -old.id;
    END""",
    """CREATE TRIGGER ticket_search_message_ins AFTER INSERT ON messages BEGIN
        INSERT INTO ticket_search_fts(rowid, body, ticket_id, internal)
        VALUES (new.id, new.body, new.ticket_id, new.internal);
    END""",
    """CREATE TRIGGER ticket_search_message_upd
        AFTER UPDATE OF body, internal, ticket_id ON messages BEGIN
        DELETE FROM ticket_search_fts WHERE rowid = old.id;
        INSERT INTO ticket_search_fts(rowid, body, ticket_id, internal)
        VALUES (new.id, new.body, new.ticket_id, new.internal);
    END""",
    """CREATE TRIGGER ticket_search_message_del AFTER DELETE ON messages BEGIN
        DELETE FROM ticket_search_fts WHERE rowid = old.id;
    END""",
    """INSERT INTO ticket_search_fts(rowid, body, ticket_id, internal)
        SELECT -id, subject, id, 0 FROM tickets""",
    """INSERT INTO ticket_search_fts(rowid, body, ticket_id, internal)
        SELECT id, body, ticket_id, internal FROM messages""",
]

POSTGRES_SEARCH = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX ticket_search_subject_trgm ON tickets USING gin (subject gin_trgm_ops)",
    "CREATE INDEX ticket_search_body_trgm ON messages USING gin (body gin_trgm_ops)",
]


def upgrade() -> None:
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.create_index("ix_tickets_category_id", ["category", "id"], unique=False)
        batch_op.create_index("ix_tickets_channel_id", ["channel", "id"], unique=False)
    statements = SQLITE_SEARCH if op.get_bind().dialect.name == "sqlite" else POSTGRES_SEARCH
    for statement in statements:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for trigger in (
            "ticket_search_ticket_ins", "ticket_search_ticket_upd", "ticket_search_ticket_del",
            "ticket_search_message_ins", "ticket_search_message_upd", "ticket_search_message_del",
        ):  # fmt: skip
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS ticket_search_fts")
    else:
        op.execute("DROP INDEX IF EXISTS ticket_search_body_trgm")
        op.execute("DROP INDEX IF EXISTS ticket_search_subject_trgm")
    with op.batch_alter_table("tickets", schema=None) as batch_op:
        batch_op.drop_index("ix_tickets_channel_id")
        batch_op.drop_index("ix_tickets_category_id")
