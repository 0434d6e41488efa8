import pytest

from common.params import positive_int, positive_ints


@pytest.mark.parametrize("value", ["1", "42", " 7 ", "000123", "999999999999999999"])
def test_ascii_digits_are_numbers(value):
    assert positive_int(value) == int(value)


@pytest.mark.parametrize(
    "value", ["²", "①", "٣", "１", "0", "-1", "1.5", "", "1e3", "abc", "9999999999999999999", None, ["1"]]
)
def test_anything_else_is_the_default(value):
    assert positive_int(value, default="fallback") == "fallback"


def test_a_list_keeps_order_drops_repeats_and_non_numbers_and_stops_at_the_limit():
    assert positive_ints("3, 1,²,3,x,2,5", limit=3) == [3, 1, 2]
    assert positive_ints("", limit=3) == []
    assert positive_ints(None, limit=3) == []
