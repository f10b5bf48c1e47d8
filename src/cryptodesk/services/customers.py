"""Customers arrive vouched for by the exchange; we keep what it tells us current."""

from __future__ import annotations

from datetime import datetime

from ..credentials import CustomerIdentity
from ..domain.customers import Customer
from ..store.unit_of_work import UnitOfWork


def from_identity(uow: UnitOfWork, identity: CustomerIdentity, now: datetime) -> Customer:
    customer = uow.customers.by_ref(identity.ref)
    language = "zh" if (identity.language or "").lower().startswith("zh") else "en"
    if customer is None:
        customer = Customer(
            ref=identity.ref, display_name=(identity.name or identity.ref)[:120],
            language=language if identity.language else "en", email=identity.email,
            created_at=now,
        )
        uow.customers.add(customer)
        uow.flush()
        return customer
    if identity.name and identity.name != customer.display_name:
        customer.display_name = identity.name[:120]
    if identity.email and identity.email != customer.email:
        customer.email = identity.email
    if identity.language:
        customer.language = language
    return customer
