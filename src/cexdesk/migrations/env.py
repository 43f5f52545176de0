from __future__ import annotations

from alembic import context

from cexdesk.migrations import all_metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("cexdesk migrations run through Database.migrate() or the CLI")


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    # Search structures made by hand in migrations (FTS5 tables, trigram indexes) are not
    # in the models; autogenerate must not propose dropping them.
    return not (name or "").startswith("ticket_search")


context.configure(
    connection=connection,
    target_metadata=all_metadata(),
    include_name=include_name,
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
