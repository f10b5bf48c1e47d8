"""A reply to "which of these do you mean?" picks an option, or asks something new."""

import pytest

from cryptodesk.brain.choices import chosen

OPTIONS = (("account.locked", "My account is frozen, locked or restricted"),
           ("security.account_compromised", "I think my account has been hacked"))


@pytest.mark.parametrize(("reply", "intent"), [
    ("My account is frozen, locked or restricted", "account.locked"),  # the widget's tap
    ("  my account is FROZEN, locked or restricted! ", "account.locked"),
    ("1", "account.locked"),
    ("２", "security.account_compromised"),  # full-width
    ("2.", "security.account_compromised"),
    ("#2", "security.account_compromised"),
    ("option 1", "account.locked"),
    ("the second one", "security.account_compromised"),
    ("2nd", "security.account_compromised"),
    ("第二个", "security.account_compromised"),
    ("选1", "account.locked"),
    ("第一", "account.locked"),
    ("前者", "account.locked"),
    ("后者", "security.account_compromised"),
])
def test_a_reply_that_picks_an_option(reply: str, intent: str) -> None:
    assert chosen(reply, OPTIONS) == intent


@pytest.mark.parametrize("reply", [
    "3",  # there is no third
    "第三个",
    "1 BTC withdrawal is pending",  # a number inside a new question
    "I think my account",  # part of a label
    "两个都不是",
    "",
    "   ",
])
def test_a_reply_that_picks_none(reply: str) -> None:
    assert chosen(reply, OPTIONS) is None


def test_nothing_offered_nothing_picked() -> None:
    assert chosen("1", ()) is None
