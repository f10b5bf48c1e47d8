"""A small builder that writes one demo customer's history in a few readable lines."""

from __future__ import annotations

import dataclasses
import hashlib
import itertools
from collections.abc import Iterator
from datetime import datetime, timedelta
from decimal import Decimal

from ..chain import network as find_network
from .memory import CustomerBook
from .models import (
    Account,
    AccountStatus,
    Balance,
    Deposit,
    DepositAddress,
    DepositStatus,
    KycStatus,
    Order,
    OrderStatus,
    SecurityEvent,
    Withdrawal,
    WithdrawalStatus,
)

_EVM = ("ETH", "BSC", "MATIC", "ARBITRUM", "OPTIMISM", "BASE", "AVAXC")


def tx_hash(label: str, network: str) -> str:
    """A transaction hash in the network's own format, the same for a label on every run."""
    digest = hashlib.sha256(f"cryptodesk demo tx {label}".encode()).hexdigest()
    if network in _EVM:
        return "0x" + digest
    return digest.upper() if network == "XRP" else digest


def required_confirmations(network: str) -> int:
    found = find_network(network)
    if found is None:
        raise ValueError(f"unknown network {network}")
    return found.confirmations


class Ids:
    """Record ids in the shapes exchanges use, the same on every run."""

    def __init__(self) -> None:
        self._counters: dict[str, Iterator[int]] = {
            "D": itertools.count(71_000_001),
            "W": itertools.count(82_000_001),
            "": itertools.count(9_300_000_001),
        }

    def next(self, prefix: str) -> str:
        return f"{prefix}{next(self._counters[prefix])}"


class Story:
    """One customer's book, written oldest first with times counted back from `now`."""

    def __init__(self, now: datetime, ids: Ids, ref: str, **account: object) -> None:
        self.now = now
        self.ids = ids
        self.ref = ref
        usual = Account(
            ref=ref, status=AccountStatus.ACTIVE, kyc_level=2, kyc_status=KycStatus.APPROVED,
            two_factor_enabled=True, phone_bound=True, email_bound=True,
            created_at=now - timedelta(days=200),
            kyc_submitted_at=now - timedelta(days=199, hours=20),
        )
        self.book = CustomerBook(account=dataclasses.replace(usual, **account))

    def ago(self, days: float = 0, hours: float = 0, minutes: float = 0,
            seconds: float = 0) -> datetime:
        return self.now - timedelta(days=days, hours=hours, minutes=minutes, seconds=seconds)

    def balance(self, asset: str, available: str, locked: str = "0") -> None:
        self.book.balances.append(Balance(asset, Decimal(available), Decimal(locked)))

    def address(self, asset: str, network: str, address: str, memo: str | None = None) -> None:
        self.book.deposit_addresses.append(DepositAddress(asset, network, address, memo))

    def deposit(self, asset: str, network: str, address: str, amount: str, at: datetime, *,
                status: DepositStatus = DepositStatus.CREDITED,
                confirmations: int | None = None, memo: str | None = None,
                hold_reason: str | None = None) -> Deposit:
        required = required_confirmations(network)
        done = required if confirmations is None else confirmations
        deposit_id = self.ids.next("D")
        credited = at + timedelta(minutes=12) if status is DepositStatus.CREDITED else None
        record = Deposit(
            id=deposit_id, asset=asset, network=network, address=address,
            amount=Decimal(amount), status=status, confirmations=done,
            confirmations_required=required, created_at=at,
            tx_hash=tx_hash(f"{self.ref} {deposit_id}", network), memo=memo,
            hold_reason=hold_reason, credited_at=credited,
        )
        self.book.deposits.append(record)
        return record

    def withdrawal(self, asset: str, network: str, address: str, amount: str, fee: str,
                   at: datetime, *, status: WithdrawalStatus = WithdrawalStatus.COMPLETED,
                   updated: datetime | None = None, confirmations: int | None = None,
                   failure_reason: str | None = None, memo: str | None = None) -> Withdrawal:
        required = required_confirmations(network)
        on_chain = status in (WithdrawalStatus.BROADCAST, WithdrawalStatus.COMPLETED)
        done = (required if confirmations is None else confirmations) if on_chain else 0
        withdrawal_id = self.ids.next("W")
        record = Withdrawal(
            id=withdrawal_id, asset=asset, network=network, address=address,
            amount=Decimal(amount), fee=Decimal(fee), status=status, created_at=at,
            updated_at=updated or at + timedelta(minutes=25), memo=memo,
            tx_hash=tx_hash(f"{self.ref} {withdrawal_id}", network) if on_chain else None,
            confirmations=done, confirmations_required=required, failure_reason=failure_reason,
        )
        self.book.withdrawals.append(record)
        return record

    def order(self, pair: str, side: str, type_: str, amount: str, at: datetime, *,
              price: str | None = None, status: OrderStatus = OrderStatus.FILLED,
              updated: datetime | None = None, reject_reason: str | None = None) -> Order:
        filled = Decimal(amount) if status is OrderStatus.FILLED else Decimal(0)
        record = Order(
            id=self.ids.next(""), pair=pair, side=side, type=type_, amount=Decimal(amount),
            filled=filled, status=status, created_at=at,
            updated_at=updated or at + timedelta(minutes=3),
            price=None if price is None else Decimal(price), reject_reason=reject_reason,
        )
        self.book.orders.append(record)
        return record

    def login(self, at: datetime, ip: str, country: str, device: str, *,
              kind: str = "login", new_device: bool = False) -> None:
        self.book.security_events.append(SecurityEvent(at, kind, ip, country, device, new_device))

    def usual_logins(self, ip: str, country: str, device: str, days: tuple[float, ...]) -> None:
        """Sign-ins from the customer's own device over the past weeks."""
        for day in days:
            self.login(self.ago(days=day, hours=day % 5), ip, country, device)
