"""Property tests: whatever a customer pastes, the checks answer instead of raising."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cryptodesk.chain import (
    REASONS,
    detect_networks,
    network_aliases,
    networks,
    tx_hash_networks,
    validate,
)

SAMPLES = [
    "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
    "3CMNFxN1oHBc4R1EpboAL5yzHGgE611Xou",
    "bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3",
    "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
    "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
    "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
    "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v",
    "rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh",
    "X7AcgcsBL6XDcUb289X4mJ8djcdyKaGZMhc9YTE92ehJ2Fu",
    "GA5ZSEJYB37JRC5AVCIA5MOP4RHTM335X2KGX3IHOJAPP5RE34K4KZVN",
    "EQCxE6mUtQJKFnGfaROTKOt1lZbDiiX1kCixRv7Nw2Id_sDs",
    "0:b113a994b5024a16719f69139328eb759596c38a25f59028b146fecdc3621dfe",
    "DH5yaieqoZN36fDVciNyRueRGvGLR3mr7L",
]

NETWORK_NAMES = [n.id for n in networks()] + list(network_aliases())

any_text = st.text(max_size=300)
# Near-misses of real addresses exercise the decoders far more than random text does.
mutated = st.builds(
    lambda base, i, char, mode: (
        base[:i] + char + base[i + 1 :]
        if mode == "replace"
        else base[:i] + char + base[i:]
        if mode == "insert"
        else base[:i] + base[i + 1 :]
    ),
    st.sampled_from(SAMPLES),
    st.integers(min_value=0, max_value=70),
    st.characters(),
    st.sampled_from(["replace", "insert", "delete"]),
)
prefixed = st.builds(
    lambda prefix, tail: prefix + tail,
    st.sampled_from(
        [
            "0x",
            "bc1",
            "BC1",
            "ltc1",
            "tb1",
            "T",
            "r",
            "X",
            "G",
            "EQ",
            "UQ",
            "0:",
            "-1:",
            "1",
            "3",
            "L",
            "M",
            "D",
        ]
    ),
    st.text(alphabet="0123456789abcdefABCDEFqpzry-_:+/=OIl \t\x00é你", max_size=120),
)
candidates = st.one_of(any_text, mutated, prefixed)
network_arg = st.one_of(st.none(), st.sampled_from(NETWORK_NAMES), st.text(max_size=40))


def _assert_coherent(text: str, asked: str | None) -> None:
    check = validate(text, asked)
    assert check.reason in REASONS
    assert check.message_en and check.message_zh
    if check.valid:
        assert check.reason in ("ok", "unchecksummed")
        assert check.detected_networks
        assert check.network is None or check.network in check.detected_networks
        assert check.detected_networks == detect_networks(text)
    if check.reason == "wrong_network":
        assert check.detected_networks and check.network not in check.detected_networks


@settings(max_examples=200, deadline=None)
@given(text=candidates, asked=network_arg)
def test_validate_never_raises_and_stays_coherent(text: str, asked: str | None) -> None:
    _assert_coherent(text, asked)


@settings(max_examples=200, deadline=None)
@given(text=candidates)
def test_detect_and_tx_hash_never_raise(text: str) -> None:
    found = detect_networks(text)
    assert set(found) <= {n.id for n in networks()}
    fits = tx_hash_networks(text)
    assert set(fits) <= {n.id for n in networks()}


@settings(max_examples=100, deadline=None)
@given(text=mutated)
def test_a_near_miss_is_never_valid_on_a_network_the_original_is_not(text: str) -> None:
    # One changed character may leave a Solana or raw TON address valid (they carry no
    # checksum), but can never move an address to another network family.
    found = set(detect_networks(text))
    originals = set().union(*(detect_networks(s) for s in SAMPLES))
    assert found <= originals


def test_huge_and_odd_inputs_return_answers() -> None:
    for text in [
        "1" * 100_000,
        "0x" + "a" * 100_000,
        "bc1" + "q" * 100_000,
        "\x00" * 1000,
        "0:" + "f" * 100_000,
        "\ud800",
        "🙂" * 50,
    ]:
        check = validate(text, "BTC")
        assert not check.valid and check.reason in REASONS
        assert detect_networks(text) == ()
        assert tx_hash_networks(text) == ()
