from common.kept import KeptInProcess


class Reads:
    """A read that counts how often it is called and gives a new list each time."""

    def __init__(self, value):
        self.value = value
        self.count = 0

    def __call__(self):
        self.count += 1
        return None if self.value is None else [self.value]


def test_a_value_is_read_once_and_then_given_from_what_is_kept():
    kept, read = KeptInProcess(size=10), Reads("tråd")
    assert kept.get(("thread", 1, "token"), read) == ["tråd"]
    assert kept.get(("thread", 1, "token"), read) == ["tråd"]
    assert read.count == 1


def test_a_new_token_in_the_key_reads_anew():
    kept, read = KeptInProcess(size=10), Reads("tråd")
    kept.get(("thread", 1, "old"), read)
    kept.get(("thread", 1, "new"), read)
    assert read.count == 2


def test_with_copies_every_caller_gets_its_own_and_without_they_share_one():
    copied, shared = KeptInProcess(size=10, copies=True), KeptInProcess(size=10)
    first, second = copied.get("a", Reads("x")), copied.get("a", Reads("y"))
    first.append("changed by a view")
    assert second == ["x"] and copied.get("a", Reads("z")) == ["x"]
    assert shared.get("a", Reads("x")) is shared.get("a", Reads("y"))


def test_nothing_is_kept_of_what_is_not_there():
    kept, read = KeptInProcess(size=10), Reads(None)
    assert kept.get("gone", read) is None
    assert kept.get("gone", read) is None
    assert read.count == 2


def test_when_full_the_value_asked_for_longest_ago_goes_first():
    kept = KeptInProcess(size=2)
    reads = {name: Reads(name) for name in "abc"}
    kept.get("a", reads["a"])
    kept.get("b", reads["b"])
    kept.get("a", reads["a"])  # b is now the one asked for longest ago
    kept.get("c", reads["c"])
    kept.get("a", reads["a"])
    kept.get("b", reads["b"])
    assert {name: read.count for name, read in reads.items()} == {"a": 1, "b": 2, "c": 1}
