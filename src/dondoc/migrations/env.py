"""Alembic environment: dondoc's tables from SQLModel.metadata."""

from __future__ import annotations

from alembic import context
from sqlalchemy import engine_from_config, pool
from sqlmodel import SQLModel

import dondoc.models  # noqa: F401  (registers the tables)

config = context.config
target_metadata = SQLModel.metadata


def add_expression_indexes(context: object, revision: object, directives: list) -> None:  # type: ignore[type-arg]
    """Autogenerate skips expression-based indexes on SQLite (it cannot reflect them to compare). The
    initial migration is generated against an empty database, so every such index of the models is
    missing from it: add each one (created last, dropped first)."""
    from alembic.operations import ops
    from sqlalchemy import Column

    script = directives[0]
    if script.upgrade_ops is None:
        return
    present: set[str] = set()
    stack = list(script.upgrade_ops.ops)
    while stack:
        op = stack.pop()
        if isinstance(op, ops.CreateIndexOp):
            present.add(str(op.index_name))
        stack.extend(getattr(op, "ops", []))
    for table in target_metadata.sorted_tables:
        for index in sorted(table.indexes, key=lambda i: str(i.name)):
            if index.name not in present and any(not isinstance(e, Column) for e in index.expressions):
                script.upgrade_ops.ops.append(ops.CreateIndexOp.from_index(index))
                script.downgrade_ops.ops.insert(0, ops.DropIndexOp.from_index(index))


def run_migrations_offline() -> None:
    context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=target_metadata,
                      literal_binds=True, render_as_batch=True,
                      process_revision_directives=add_expression_indexes)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True,
                      process_revision_directives=add_expression_indexes)
        with context.begin_transaction():
            context.run_migrations()
        return
    connectable = engine_from_config(config.get_section(config.config_ini_section) or {}, prefix="sqlalchemy.",
                                     poolclass=pool.NullPool)
    with connectable.connect() as conn:
        context.configure(connection=conn, target_metadata=target_metadata, render_as_batch=True,
                      process_revision_directives=add_expression_indexes)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
