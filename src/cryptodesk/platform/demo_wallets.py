"""Addresses the demo exchange uses: real ones, derived with bip-utils from fixed test keys.

Each private key is SHA-256 of "cryptodesk demo <name in lower case>"; nobody holds funds there.
`tests/unit/platform/test_demo_wallets.py` derives them again and checks them with the chain
registry. Names ending in _OWN are the customers' wallets elsewhere (withdrawal destinations).
"""

from __future__ import annotations

from typing import NamedTuple


class Wallet(NamedTuple):
    scheme: str  # btc (P2WPKH), evm (EIP-55), tron, xrp
    address: str


ALICE_BTC = Wallet("btc", "bc1qn3nmjhysaan7ms6q54h0ztc5jlvnh3jex89vay")
ALICE_TRON = Wallet("tron", "TWktBBA1356FjoDDx241hPoKktkXoCZpyB")
ALICE_OWN_TRON = Wallet("tron", "TFjw4wWLrEDWqQjhpNMyhMKboL9iW5RrEJ")
BOB_EVM = Wallet("evm", "0x286901919Cc9926c1099145dF6818b7B310b9FBD")
BOB_OWN_EVM = Wallet("evm", "0xbC8051e119C6d3352c2c292aB86432a1D5be4110")
CAROL_EVM = Wallet("evm", "0x5F3b621Ea3eAEc888AB97bd8c7D98B9264372a4C")
CAROL_BTC = Wallet("btc", "bc1qsa3eny78zf4fphtpxxmvrn52aqqxa56mcnsggz")
EXCHANGE_XRP = Wallet("xrp", "rq2hxYifFRSkRKcVh5WUTJu3Q2emuedWd")
DAVE_OWN_XRP = Wallet("xrp", "rfVXNvFoQ7h4SHYNKPaVvCiQKu3uR4gtzg")
ERIN_TRON = Wallet("tron", "TYsivDbpFXR3gKC3CwKi6zfDjEai1oyY1r")
ERIN_BTC = Wallet("btc", "bc1qygr6q2pelltsy4lft5q0rf4xpsv7r245j9ggy9")
FRANK_EVM = Wallet("evm", "0x3314B542Bc8aF9b23115d04d471955b1D006A6EC")
FRANK_BTC = Wallet("btc", "bc1q5w8llwkcwsq9q84h2lqjkxedlj7h5jgsvhvunu")
GRACE_TRON = Wallet("tron", "TGCUy2fswGM2FuAM9YDFLyjzc2BNmZkWwj")
HEIDI_BTC = Wallet("btc", "bc1qcchzfd7r5hw43w367zpurhw3utr6pdjm3l0hv6")
HEIDI_OWN_BTC = Wallet("btc", "bc1qr3k8dgtcrsgqhkyage49trp9s8qm74pkqk3am5")
IVAN_EVM = Wallet("evm", "0xa5d208134875eA57A019794eaaEe660941D69d41")
IVAN_OWN_EVM = Wallet("evm", "0xD862062834E7d28c9e55D4148EAfB808Bd9A5e80")
JUDY_TRON = Wallet("tron", "TAT3feTJzBC39BrNPtvQQWdw5ru18AtQz9")
JUDY_BTC = Wallet("btc", "bc1qwnddtwrcexwamdszwqu2h736y7nf2ftt76qqtt")
