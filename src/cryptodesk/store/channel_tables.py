"""The official-channel registry's table, on the shared metadata and mapper registry."""

from __future__ import annotations

import sqlalchemy as sa

from ..domain.channels import ChannelKind, OfficialChannel
from .tables import metadata
from .types import StrEnum, UtcDateTime

official_channels = sa.Table(
    "official_channels", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("kind", StrEnum(ChannelKind, 16), nullable=False),
    sa.Column("value", sa.String(255), nullable=False),
    sa.Column("label", sa.String(120), nullable=False),
    sa.Column("active", sa.Boolean, nullable=False),
    sa.Column("added_by", sa.String(128), nullable=False),
    sa.Column("added_at", UtcDateTime, nullable=False),
    sa.Column("retired_by", sa.String(128)),
    sa.Column("retired_at", UtcDateTime),
    sa.UniqueConstraint("kind", "value"),
)

MAPPED = ((OfficialChannel, official_channels),)
