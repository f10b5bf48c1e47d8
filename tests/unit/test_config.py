"""Settings an operator gets wrong are refused when the desk starts, naming the variable."""

import pytest
from pydantic import ValidationError

from cryptodesk.config import Settings


@pytest.mark.parametrize("address", ["http://[::1", "help.example.com", "ftp://help.example.com",
                                     "https://", ""])
def test_a_public_address_that_is_no_web_address_is_refused(address: str) -> None:
    with pytest.raises(ValidationError, match="CRYPTODESK_PUBLIC_URL must be an http"):
        Settings(public_url=address)


@pytest.mark.parametrize("address", ["http://127.0.0.1:8000", "https://help.example.com/",
                                     "https://support.example.com/desk"])
def test_web_addresses_are_taken_as_given(address: str) -> None:
    assert Settings(public_url=address).public_url == address
