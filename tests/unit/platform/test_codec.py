"""The JSON codec: every record round-trips exactly, and malformed payloads say what is wrong."""

from __future__ import annotations

import dataclasses
import json
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cryptodesk.platform.codec import CodecError, FreezeRequest, decode, decode_many, encode
from cryptodesk.platform.demo_exchange import REFS, demo_exchange
from cryptodesk.platform.models import (
    Account,
    AccountStatus,
    Balance,
    CaseRequest,
    Deposit,
    Incident,
    PlatformStatus,
    Ticker,
)

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
DEPOSIT = demo_exchange(NOW).deposits("demo-alice")[0]


def _every_record() -> list[Any]:
    demo = demo_exchange(NOW)
    records: list[Any] = [*demo.rules, *demo.fees, *demo.networks, demo.status,
                          *demo.status.incidents, *demo.tickers.values()]
    for ref in REFS:
        book = demo.customers[ref]
        records += [book.account, *book.balances, *book.deposit_addresses, *book.deposits,
                    *book.withdrawals, *book.orders, *book.security_events]
    records.append(CaseRequest("demo-carol", "deposit_recovery", "BEP20 to ERC20",
                               {"tx": "0xabc", "count": 2, "nested": {"ok": True}}))
    records.append(FreezeRequest("hacked", NOW))
    return records


def test_every_demo_record_round_trips_through_json_text() -> None:
    records = _every_record()
    assert len({type(r) for r in records}) == 15  # every record of models, and the freeze
    for record in records:
        text = json.dumps(encode(record))
        assert decode(type(record), json.loads(text)) == record


def test_the_wire_forms_of_amounts_times_and_enums() -> None:
    account = demo_exchange(NOW).account("demo-frank")
    wire = encode(account)
    assert wire["status"] == "frozen"
    assert wire["created_at"] == "2026-05-09T09:00:00+00:00"
    assert wire["freeze_reason"] == "unknown_device_login"
    balance = encode(Balance("BTC", Decimal("0.50000000"), Decimal("1E+2")))
    assert balance == {"asset": "BTC", "available": "0.5", "locked": "100"}
    assert encode(Balance("BTC", Decimal("0E-18"), Decimal("-0")))["available"] == "0"
    shanghai = timezone(timedelta(hours=8))
    ticker = Ticker("BTC/USDT", Decimal("64250.10"), datetime(2026, 11, 25, 17, tzinfo=shanghai))
    assert encode(ticker)["at"] == "2026-11-25T09:00:00+00:00"


def test_decoded_times_are_utc_whatever_zone_they_were_written_in() -> None:
    wire = {"pair": "BTC/USDT", "last": "1", "at": "2026-11-25T17:00:00+08:00"}
    ticker = decode(Ticker, wire)
    assert ticker.at == NOW and ticker.at.tzinfo is UTC
    assert decode(Ticker, {**wire, "at": "2026-11-25T09:00:00Z"}).at == NOW


def test_fields_with_defaults_may_be_left_out() -> None:
    wire = encode(demo_exchange(NOW).account("demo-alice"))
    for optional in ("freeze_reason", "frozen_at", "kyc_rejection_reason"):
        del wire[optional]
    assert decode(Account, wire).freeze_reason is None
    assert decode(PlatformStatus, {}) == PlatformStatus()


def _account(**changes: object) -> dict[str, object]:
    return {**encode(demo_exchange(NOW).account("demo-alice")), **changes}


@pytest.mark.parametrize(("payload", "message"), [
    ([], r"Account: expected an object, got an array \[\]"),
    ("account", "Account: expected an object, got a string"),
    ({"ref": "x"}, r"Account: missing field\(s\) status, kyc_level, kyc_status"),
    (_account(extra=1, another=2), r"Account: unexpected field\(s\) another, extra"),
    (_account(status="FROZEN"), "Account.status: expected one of active, frozen, disabled"),
    (_account(status=None), "Account.status: expected one of .*got null"),
    (_account(kyc_level="2"), "Account.kyc_level: expected an integer, got a string '2'"),
    (_account(kyc_level=True), "Account.kyc_level: expected an integer"),
    (_account(kyc_level=2.0), "Account.kyc_level: expected an integer, got float"),
    (_account(email_bound=1), "Account.email_bound: expected true or false, got int 1"),
    (_account(created_at="2026-11-25"), "Account.created_at: expected an ISO-8601 time"),
    (_account(created_at="2026-11-25T09:00:00"), "Account.created_at: .*has no zone"),
    (_account(created_at="yesterday T noon"), "Account.created_at: expected an ISO-8601"),
    (_account(created_at=1764061200), "Account.created_at: expected an ISO-8601 .*got int"),
    (_account(freeze_reason=["x"]), "Account.freeze_reason: expected a string, got an array"),
])
def test_malformed_accounts_are_refused_with_the_field_named(
    payload: object, message: str
) -> None:
    with pytest.raises(CodecError, match=message):
        decode(Account, payload)


@pytest.mark.parametrize("amount", [
    12.5, 12, "12,5", "1e3", "NaN", "Infinity", "-inf", " 1", "1 ", ".5", "5.", "+1", "0x10",
    "1" * 65, None, True,
])
def test_amounts_must_be_plain_decimal_strings(amount: object) -> None:
    with pytest.raises(CodecError, match=r"Balance\.available: expected a decimal string"):
        decode(Balance, {"asset": "BTC", "available": amount, "locked": "0"})


def test_errors_inside_lists_and_nested_records_say_where() -> None:
    incident = encode(demo_exchange(NOW).platform_status().incidents[0])
    with pytest.raises(CodecError, match=r"PlatformStatus.incidents\[1\].started_at"):
        decode(PlatformStatus, {"incidents": [incident, {**incident, "started_at": "soon"}]})
    with pytest.raises(CodecError, match=r"Incident.components\[1\]: expected a string"):
        decode(Incident, {**incident, "components": ["deposits", 7]})
    with pytest.raises(CodecError, match=r"items\[1\]: missing field\(s\) locked"):
        decode_many(Balance, [{"asset": "A", "available": "1", "locked": "0"},
                              {"asset": "B", "available": "1"}], "items")
    with pytest.raises(CodecError, match="items: expected an array, got an object"):
        decode_many(Balance, {"asset": "A"}, "items")
    with pytest.raises(CodecError, match=r"CaseRequest\.evidence: expected an object"):
        decode(CaseRequest, {"customer_ref": "a", "kind": "appeal", "summary": "s",
                             "evidence": ["not", "an", "object"]})


def test_encoding_refuses_what_json_cannot_carry_faithfully() -> None:
    with pytest.raises(ValueError, match="no zone"):
        encode(Ticker("BTC/USDT", Decimal(1), datetime(2026, 11, 25)))
    with pytest.raises(ValueError, match="not an amount"):
        encode(Balance("BTC", Decimal("NaN"), Decimal(0)))
    with pytest.raises(TypeError, match="not a record"):
        encode({"a": 1})


def test_evidence_with_amounts_and_times_becomes_plain_json() -> None:
    request = CaseRequest("demo-carol", "deposit_recovery", "s",
                          {"amount": Decimal("500.00"), "at": NOW, "ids": ("D1", "D2")})
    assert encode(request)["evidence"] == {
        "amount": "500", "at": "2026-11-25T09:00:00+00:00", "ids": ["D1", "D2"]}


@given(st.decimals(allow_nan=False, allow_infinity=False, places=18,
                   min_value=Decimal("-1e20"), max_value=Decimal("1e20")))
def test_any_amount_of_38_digits_round_trips_exactly(amount: Decimal) -> None:
    deposit = dataclasses.replace(DEPOSIT, amount=amount)
    wire = json.loads(json.dumps(encode(deposit)))
    assert decode(Deposit, wire).amount == amount
    assert "e" not in wire["amount"].lower()


def test_account_status_enum_survives_as_the_enum() -> None:
    account = decode(Account, _account(status="disabled"))
    assert account.status is AccountStatus.DISABLED
