"""How well the shield catches look-alike links and pasted secrets, and how fast it scans.

    .venv/bin/python bench/shield.py [--per-kind 40] [--long 200] [--seed 7]

(a) Links, on eth-phishing-detect (../shared/data/eth-phishing-detect/config.json): its
    fuzzylist is taken as the official domains; `check_url` runs WITHOUT the blocklist, so only
    the look-alike logic is measured. (b) Secrets: fresh mnemonics and keys embedded in support
    messages beside transaction hashes and addresses that must survive, then ordinary messages
    (generated, and public corpora) that must not be flagged. (c) `scan` speed on long messages.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import string
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from bip_utils import (
    Base58Encoder,
    Bip32Slip10Secp256k1,
    Bip39SeedGenerator,
    Bip44,
    Bip44Changes,
    Bip44Coins,
    Bip84,
    Bip84Coins,
    Ed25519PrivateKey,
    WifEncoder,
)
from mnemonic import Mnemonic
from rapidfuzz.distance import Levenshtein

from cryptodesk.shield import check_url, scan
from cryptodesk.shield.hosts import parse_host

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def table(title: str, header: tuple[str, ...], rows: Iterable[tuple[object, ...]]) -> None:
    rows = [tuple(str(c) for c in row) for row in rows]
    widths = [max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(header)]
    print(f"\n{title}")
    print("  " + "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    print("  " + "  ".join("-" * w for w in widths))
    for row in rows:
        print("  " + "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))


# (a) links ----------------------------------------------------------------------------------


def _fuzzy_form(domain: str) -> str:
    """eth-phishing-detect's own form: no leading www., no last label."""
    return ".".join(domain.lower().removeprefix("www.").split(".")[:-1])


def links() -> None:
    config = json.loads((DATA / "eth-phishing-detect" / "config.json").read_text())
    officials: list[str] = config["fuzzylist"]
    tolerance: int = config["tolerance"]
    targets = [_fuzzy_form(d) for d in officials]
    brands = [t.replace(".", "") for t in targets]
    official_hosts = [h for d in officials if (h := parse_host(d))]
    whitelist = set(config["whitelist"])

    def owned(domain: str) -> bool:
        host = parse_host(domain)
        return host is None or any(
            host.is_within(o) or host.registrable == o.registrable for o in official_hosts
        )

    def resembles(domain: str) -> bool:
        form = _fuzzy_form(domain)
        compact = form.replace(".", "").replace("-", "")
        return any(Levenshtein.distance(form, t) <= tolerance for t in targets) or any(
            b in compact for b in brands
        )

    lookalikes = [
        d for d in config["blacklist"] if d not in whitelist and not owned(d) and resembles(d)
    ]
    legit = [d for d in config["whitelist"] if not owned(d)]
    start = time.perf_counter()
    caught = Counter(check_url(d, officials).reason for d in lookalikes)
    reasons = {d: check_url(d, officials).reason for d in legit}
    elapsed = time.perf_counter() - start
    flagged = {d: r for d, r in reasons.items() if r != "not_official"}
    hits = sum(n for r, n in caught.items() if r != "not_official")

    print("\n(a) LINKS: eth-phishing-detect, fuzzylist as official domains, no blocklist")
    print(
        f"  look-alike set: blacklisted domains (not whitelisted, not the brands' own) whose\n"
        f"  www-less, TLD-less form is within Levenshtein {tolerance} of a fuzzylist entry's\n"
        f"  (the list's own tolerance and fuzzy form), or that contain a brand's name"
    )
    table(
        "  summary",
        ("set", "domains", "called lookalike", "share"),
        [
            ("blacklisted look-alikes", len(lookalikes), hits, f"{hits / len(lookalikes):.1%}"),
            ("whitelisted (goal 0)", len(legit), len(flagged), f"{len(flagged) / len(legit):.1%}"),
        ],
    )
    both = Counter(flagged.values())
    table(
        "  by reason",
        ("reason", "blacklisted", "whitelisted"),
        sorted((r, caught[r], both[r]) for r in set(caught) | set(both)),
    )
    print("  whitelisted domains called look-alikes: " + ", ".join(sorted(flagged)))
    per = elapsed / (len(lookalikes) + len(legit)) * 1e6
    print(f"  check_url: {per:.0f} µs per domain against {len(officials)} official domains")


# (b) secrets --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Case:
    kind: str
    text: str
    secret_spans: tuple[tuple[int, int], ...]
    innocents: tuple[str, ...]


POSITIVE = {
    "en": [
        "Hi, I can't restore my wallet. My recovery words are: {secret}\nAlso my withdrawal "
        "txid {tx} to {addr} never arrived.",
        "The agent on Telegram asked me to verify with this: {secret} - is that normal? My "
        "deposit address is {addr}",
        "{secret}",
        "Please check, is this right?\n{secret}\nThanks. Transaction hash: {tx}",
    ],
    "zh": [
        "你好，我的钱包恢复不了，助记词是：{secret}，另外提现交易哈希 {tx} 到 {addr} 一直没到账",
        "客服让我发这个验证身份：\n{secret}\n我的充值地址是 {addr}",
        "{secret}",
        "帮我看看这个对不对：{secret}。交易ID：{tx}",
    ],
}
NEGATIVE = [
    "My withdrawal to {addr} is still pending, txid {tx}. Can you check?",
    "I sent USDT on TRC20, transaction hash: 0x{tx}, to {addr}",
    "Deposit not credited. Hash {tx}, address {addr}, amount 250.5 USDT",
    "Order #{order} was rejected although I have 1,200 USDT. Fee included?",
    "tx: {tx}\naddress: {addr}\nnetwork: BEP20",
    "Here is the explorer link https://etherscan.io/tx/0x{tx} it shows success",
    "I have been able to buy bitcoin but the order {order} is still open, can you also check",
    "Why was my account frozen? I only logged in from a new phone yesterday.",
    "我的提现到 {addr} 还没到账，交易哈希：{tx}",
    "充值一直没到，TXID {tx}，地址是 {addr}",
    "订单号 {order} 下单失败，余额明明够，手续费也算进去了",
    "交易ID：{tx}，地址 {addr}，金额 0.35 BTC，已经确认了20次",
    "为什么我的账户被冻结了？我没有做任何违规的操作，请尽快帮我解冻",
    "身份认证一直审核不通过，说证件照片不清晰，我已经重新上传了三次",
]
_LAYOUTS: dict[str, Callable[[list[str]], str]] = {
    "spaced": " ".join,
    "commas": ", ".join,
    "newlines": "\n".join,
    "numbered": lambda w: " ".join(f"{i}. {x}" for i, x in enumerate(w, 1)),
    "joined": "".join,
}


def _seed_bytes() -> bytes:
    return Bip39SeedGenerator(Mnemonic("english").generate()).Generate()


def _solana() -> bytes:
    seed = os.urandom(32)
    return seed + Ed25519PrivateKey.FromBytes(seed).PublicKey().RawCompressed().ToBytes()[1:]


def _api_secret() -> str:
    return "".join(
        random.SystemRandom().choice(string.ascii_letters + string.digits) for _ in range(64)
    )


KEYS: dict[str, Callable[[], str]] = {
    "key: raw hex": lambda: os.urandom(32).hex(),
    "key: 0x hex": lambda: "0x" + os.urandom(32).hex(),
    "key: WIF": lambda: WifEncoder.Encode(os.urandom(32)),
    "key: xprv": lambda: Bip32Slip10Secp256k1.FromSeed(os.urandom(32)).PrivateKey().ToExtended(),
    "key: zprv": lambda: (
        Bip84.FromSeed(_seed_bytes(), Bip84Coins.BITCOIN).PrivateKey().ToExtended()
    ),
    "key: tprv": lambda: (
        Bip44.FromSeed(_seed_bytes(), Bip44Coins.BITCOIN_TESTNET).PrivateKey().ToExtended()
    ),
    "key: Solana base58": lambda: Base58Encoder.Encode(_solana()),
    "key: Solana keypair file": lambda: "[" + ",".join(map(str, _solana())) + "]",
}


def innocents(rng: random.Random) -> dict[str, list[str]]:
    """Transaction hashes and addresses of five chains, which must never be redacted."""
    addresses = []
    for _ in range(8):
        seed = _seed_bytes()
        for coin in (Bip44Coins.ETHEREUM, Bip44Coins.TRON, Bip44Coins.RIPPLE):
            account = Bip44.FromSeed(seed, coin).Purpose().Coin().Account(0)
            addresses.append(account.Change(Bip44Changes.CHAIN_EXT).AddressIndex(0))
        addresses.append(
            Bip84.FromSeed(seed, Bip84Coins.BITCOIN)
            .Purpose()
            .Coin()
            .Account(0)
            .Change(Bip44Changes.CHAIN_EXT)
            .AddressIndex(0)
        )
        addresses.append(Bip44.FromSeed(seed, Bip44Coins.SOLANA).Purpose().Coin().Account(0))
    return {
        "addr": [a.PublicKey().ToAddress() for a in addresses],
        "tx": [os.urandom(32).hex() for _ in range(50)],
        "order": [str(rng.randrange(10**11, 10**12)) for _ in range(50)],
    }


def _fill(template: str, secret: str, pool: dict[str, list[str]], rng: random.Random):
    """The message, where the secret starts in it, and the innocents it holds."""
    values = {k: rng.choice(v) for k, v in pool.items()}
    head, _, tail = template.partition("{secret}")
    head, tail = head.format(**values), tail.format(**values)
    kept = tuple(v for k, v in values.items() if f"{{{k}}}" in template)
    return head + secret + tail, len(head), kept


Maker = Callable[[], tuple[str, str]]
"""Makes (what the customer pastes, the part of it that must be redacted)."""


def _seed_maker(language: str, words: int, join: Callable[[list[str]], str]) -> Maker:
    def make() -> tuple[str, str]:
        phrase = Mnemonic(language).generate({12: 128, 24: 256}[words]).split()
        text = join(phrase)
        return text, text[text.index(phrase[0]) : text.rindex(phrase[-1]) + 1]

    return make


def _key_maker(key: Callable[[], str]) -> Maker:
    def make() -> tuple[str, str]:
        value = key()
        return value, value

    return make


def _api_maker(label: str) -> Maker:
    def make() -> tuple[str, str]:
        value = _api_secret()
        return f"{label}{value}", value

    return make


def secret_makers() -> dict[str, tuple[str, Maker]]:
    """Kind name -> (message language, maker); "any" puts keys in en and zh messages."""
    makers: dict[str, tuple[str, Maker]] = {}
    for language in ("english", "chinese_simplified", "chinese_traditional"):
        code = "en" if language == "english" else "zh"
        for words in (12, 24):
            for layout, join in _LAYOUTS.items():
                if not (layout == "joined" and code == "en"):
                    name = f"seed: {language} {words} {layout}"
                    makers[name] = (code, _seed_maker(language, words, join))
    makers.update({name: ("any", _key_maker(key)) for name, key in KEYS.items()})
    makers["API secret (en label)"] = ("en", _api_maker("api secret: "))
    makers["API secret (zh label)"] = ("zh", _api_maker("API密钥："))
    return makers


def positive_cases(per_kind: int, pool: dict[str, list[str]], rng: random.Random) -> list[Case]:
    cases = []
    for name, (code, make) in secret_makers().items():
        for _ in range(per_kind):
            secret, value = make()
            language = rng.choice(["en", "zh"]) if code == "any" else code
            text, at, kept = _fill(rng.choice(POSITIVE[language]), secret, pool, rng)
            start = at + secret.index(value)
            cases.append(Case(name, text, ((start, start + len(value)),), kept))
    return cases


def negative_messages(
    pool: dict[str, list[str]], rng: random.Random, count: int = 400
) -> list[str]:
    return [_fill(rng.choice(NEGATIVE) + "{secret}", "", pool, rng)[0] for _ in range(count)]


def _caught(case: Case) -> tuple[bool, bool]:
    """(every secret covered, every innocent intact)."""
    result = scan(case.text)
    covered = all(
        any(s.start <= start and end <= s.end for s in result.secrets)
        for start, end in case.secret_spans
    )
    intact = all(value in result.redacted for value in case.innocents)
    return covered, intact


def secrets(per_kind: int, rng: random.Random) -> None:
    pool = innocents(rng)
    cases = positive_cases(per_kind, pool, rng)
    by_kind: dict[str, list[tuple[bool, bool]]] = {}
    missed: list[str] = []
    for case in cases:
        covered, intact = _caught(case)
        by_kind.setdefault(case.kind, []).append((covered, intact))
        if not covered or not intact:
            missed.append(case.text)
    rows = [
        (kind, len(v), sum(c for c, _ in v), sum(not i for _, i in v))
        for kind, v in sorted(by_kind.items())
    ]
    total = sum(r[1] for r in rows)
    caught = sum(r[2] for r in rows)
    rows.append(("ALL", total, caught, sum(r[3] for r in rows)))
    print("\n(b) SECRETS: fresh secrets in support messages (goal: 100% caught, 0 innocents hit)")
    table("  recall", ("kind / layout", "messages", "caught", "innocents redacted"), rows)
    print(f"  recall {caught / total:.2%}")
    for text in missed[:5]:
        print(f"  MISSED: {text[:160]!r}")

    sources = {"generated (en+zh, tx hashes, addresses)": negative_messages(pool, rng)}
    sources.update(_corpora())
    false_rows = []
    for name, texts in sources.items():
        flagged = [t for t in texts if scan(t).secrets]
        false_rows.append((name, len(texts), len(flagged), f"{len(flagged) / len(texts):.3%}"))
        for text in flagged[:3]:
            print(f"  FALSE ALARM ({name}): {text[:120]!r}")
    table("  false alarms (goal 0)", ("messages", "count", "flagged", "share"), false_rows)


def _corpora() -> dict[str, list[str]]:
    banking = DATA / "banking77" / "test.csv"
    bq = DATA / "bq_corpus" / "dev.csv"
    afqmc = DATA / "afqmc" / "dev.json"
    out: dict[str, list[str]] = {}
    if banking.exists():
        with banking.open(encoding="utf-8") as f:
            out["banking77 test (en)"] = [r["text"] for r in csv.DictReader(f)]
    if bq.exists():
        with bq.open(encoding="utf-8-sig") as f:
            out["bq_corpus dev (zh)"] = [r["sentence1"] for r in csv.DictReader(f)]
    if afqmc.exists():
        lines = afqmc.read_text(encoding="utf-8").splitlines()
        out["afqmc dev (zh)"] = [json.loads(line)["sentence1"] for line in lines if line]
    return out


# (c) speed ----------------------------------------------------------------------------------


def speed(count: int, rng: random.Random, loading: float) -> None:
    pool = innocents(rng)
    prose = negative_messages(pool, rng) + [c.text for c in positive_cases(4, pool, rng)]
    messages = []
    for _ in range(count):
        parts: list[str] = []
        while sum(map(len, parts)) < 4000:
            parts.append(rng.choice(prose))
        messages.append("\n\n".join(parts))
    times = _timed(scan, messages)
    chars = sum(map(len, messages))
    total = sum(times)
    print(f"\n(c) SPEED: scan on {count} long messages (mean {chars // count} chars, en+zh)")
    table(
        "  throughput (one process, one thread)",
        ("chars/s", "messages/s", "p50 ms", "p99 ms", "first call (loading) s"),
        [
            (
                f"{chars / total:,.0f}",
                f"{count / total:,.1f}",
                f"{percentile(times, 0.5) * 1e3:.1f}",
                f"{percentile(times, 0.99) * 1e3:.1f}",
                f"{loading:.2f}",
            )
        ],
    )


def _timed(fn: Callable[[str], object], items: list[str]) -> list[float]:
    times = []
    for item in items:
        start = time.perf_counter()
        fn(item)
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--per-kind", type=int, default=40, help="messages per secret kind")
    parser.add_argument("--long", type=int, default=200, help="long messages for (c)")
    parser.add_argument("--seed", type=int, default=7, help="message templates, not secrets")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    start = time.perf_counter()
    scan("我的助记词是：的一是在不了有和人这中大")  # loads wordlists, checksums, Chinese model
    loading = time.perf_counter() - start
    links()
    secrets(args.per_kind, rng)
    speed(args.long, rng, loading)


if __name__ == "__main__":
    main()
