"""What "Vem kan mer om detta?" shows a reader, for tests that ask it without a page."""

from people.caching import who_knows


def who_knows_about(tag, viewer):
    """The colleagues the box shows the viewer on the tag's page."""
    _tag_slugs, colleagues = who_knows(viewer, ["tags", tag.pk], lambda: [tag])
    return colleagues
