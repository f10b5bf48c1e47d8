"""docs/platform-api.yaml says what the server does: same routes, same fields, valid answers."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.routing import APIRoute

from cryptodesk.platform import models
from cryptodesk.platform.codec import FreezeRequest
from cryptodesk.platform.demo_exchange import demo_exchange
from cryptodesk.platform.port import Platform
from cryptodesk.platform.server import create_platform_app

from .adapters import NOW, TOKEN
from .servers import serving

yaml = pytest.importorskip("yaml")
jsonschema = pytest.importorskip("jsonschema")
referencing = pytest.importorskip("referencing")

DOCUMENT = Path(__file__).resolve().parents[2] / "docs" / "platform-api.yaml"
SPEC: dict[str, Any] = yaml.safe_load(DOCUMENT.read_text(encoding="utf-8"))
BASE = "urn:cryptodesk:platform-api"
RECORDS = [
    models.Account, models.Balance, models.DepositAddress, models.Deposit, models.Withdrawal,
    models.Order, models.TradingRule, models.FeeTier, models.AssetNetworkStatus, models.Incident,
    models.PlatformStatus, models.SecurityEvent, models.Ticker, models.CaseRequest,
    FreezeRequest,
]
AUTH = {"Authorization": f"Bearer {TOKEN}"}


def _validator(schema: dict[str, Any]) -> Any:
    resource = referencing.Resource.from_contents(
        SPEC, default_specification=referencing.jsonschema.DRAFT202012)
    registry = referencing.Registry().with_resource(BASE, resource)
    return jsonschema.Draft202012Validator(schema, registry=registry)


def _check(path: str, method: str, response: httpx.Response) -> None:
    """The answer is documented for this operation and fits the documented schema."""
    documented = SPEC["paths"][path][method]["responses"]
    assert str(response.status_code) in documented, (path, response.status_code)
    answer = documented[str(response.status_code)]
    if "$ref" in answer:
        answer = SPEC["components"]["responses"][answer["$ref"].rsplit("/", 1)[1]]
    schema = answer["content"]["application/json"]["schema"]
    ref = BASE + schema["$ref"] if "$ref" in schema else None
    _validator({"$ref": ref} if ref else schema).validate(response.json())


@pytest.fixture(scope="module")
def served() -> Iterator[httpx.Client]:
    with serving(create_platform_app(demo_exchange(NOW), TOKEN)) as url, \
            httpx.Client(base_url=url, headers=AUTH) as client:
        yield client


def test_the_document_is_openapi_3_1_behind_a_bearer_token() -> None:
    assert SPEC["openapi"].startswith("3.1")
    assert SPEC["components"]["securitySchemes"]["bearer"] == {
        "type": "http", "scheme": "bearer",
        "description": SPEC["components"]["securitySchemes"]["bearer"]["description"]}
    assert SPEC["security"] == [{"bearer": []}]


def test_the_server_serves_exactly_the_documented_operations() -> None:
    app = create_platform_app(demo_exchange(NOW), TOKEN)
    served = {(route.path, method.lower()) for route in app.routes
              if isinstance(route, APIRoute) for method in route.methods}
    documented = {(path, method) for path, operations in SPEC["paths"].items()
                  for method in operations}
    assert served == documented


def test_each_port_method_is_one_operation() -> None:
    operations = {op["operationId"] for ops in SPEC["paths"].values() for op in ops.values()}
    port = {name for name in vars(Platform) if not name.startswith("_")
            and callable(getattr(Platform, name))}
    assert operations == port


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: r.__name__)
def test_each_schema_lists_exactly_the_fields_of_its_record(record: type) -> None:
    schema = SPEC["components"]["schemas"][record.__name__]
    fields = dataclasses.fields(record)
    assert list(schema["properties"]) == [f.name for f in fields]
    required = [f.name for f in fields if f.default is dataclasses.MISSING
                and f.default_factory is dataclasses.MISSING]
    assert schema.get("required", []) == required
    assert schema["additionalProperties"] is False


def test_every_read_answers_what_the_document_says(served: httpx.Client) -> None:
    for path in SPEC["paths"]:
        if "get" not in SPEC["paths"][path]:
            continue
        url = path.replace("{ref}", "demo-frank").replace("{pair}", "BTC-USDT")
        _check(path, "get", served.get(url))
        if "{ref}" in path:
            _check(path, "get", served.get(path.replace("{ref}", "demo-nobody")))
        _check(path, "get", served.get(url, headers={"Authorization": "Bearer wrong"}))
    _check("/v1/tickers/{pair}", "get", served.get("/v1/tickers/NOPE-USDT"))
    _check("/v1/customers/{ref}/orders", "get", served.get("/v1/customers/demo-erin/orders",
                                                           params={"limit": 0}))


def test_the_actions_answer_what_the_document_says(served: httpx.Client) -> None:
    freeze = "/v1/customers/{ref}/freeze"
    body = {"reason": "customer_reported_compromise", "at": "2026-11-25T09:05:00+00:00"}
    _check(freeze, "post", served.post(freeze.replace("{ref}", "demo-bob"), json=body))
    _check(freeze, "post", served.post(freeze.replace("{ref}", "demo-bob"), json={}))
    _check(freeze, "post", served.post(freeze.replace("{ref}", "demo-nobody"), json=body))
    case = {"customer_ref": "demo-carol", "kind": "deposit_recovery", "summary": "BEP20",
            "evidence": {"amount": "500"}}
    headers = {"Idempotency-Key": "doc-1"}
    _check("/v1/cases", "post", served.post("/v1/cases", json=case, headers=headers))
    _check("/v1/cases", "post", served.post("/v1/cases", json={**case, "summary": "x"},
                                            headers=headers))
    _check("/v1/cases", "post", served.post("/v1/cases", json={**case,
                                                               "customer_ref": "demo-nobody"}))


def test_the_document_catches_a_wrong_answer() -> None:
    account = httpx.Response(200, json={"ref": "demo-alice", "status": "frozen"})
    with pytest.raises(jsonschema.ValidationError, match="required"):
        _check("/v1/customers/{ref}/account", "get", account)
    balances = httpx.Response(200, json={"items": [{"asset": "BTC", "available": 0.5,
                                                    "locked": "0"}]})
    with pytest.raises(jsonschema.ValidationError, match="not of type 'string'"):
        _check("/v1/customers/{ref}/balances", "get", balances)
