"""Alembic runs on the connection the caller hands over (see store.database)."""

from alembic import context

from cryptodesk.store.tables import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
