"""Loading and saving the official-channel registry."""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa

from ..domain.channels import ChannelKind, OfficialChannel
from .repositories import Repository


class Channels(Repository):
    def get(self, channel_id: int, *, lock: bool = False) -> OfficialChannel | None:
        return self.session.get(OfficialChannel, channel_id, with_for_update=lock)

    def find(self, kind: ChannelKind, value: str) -> OfficialChannel | None:
        query = sa.select(OfficialChannel).where(
            OfficialChannel.kind == kind, OfficialChannel.value == value
        )
        return self.session.scalar(query)

    def of_kinds(
        self, kinds: Iterable[ChannelKind], *, active_only: bool = True
    ) -> list[OfficialChannel]:
        query = sa.select(OfficialChannel).where(OfficialChannel.kind.in_(list(kinds)))
        if active_only:
            query = query.where(OfficialChannel.active.is_(True))
        return list(self.session.scalars(query.order_by(OfficialChannel.id)))

    def listing(
        self, kind: ChannelKind | None = None, *, include_retired: bool = False
    ) -> list[OfficialChannel]:
        return self.of_kinds([kind] if kind else list(ChannelKind), active_only=not include_retired)
