"""Who organises which event: the editors of the host municipality, the joint board's events the board; the board
and administrators every event."""

from accounts import roles

from ..models import EventPage


def organises_any(user):
    """Whether the person organises events at all: the rooms and the menu item are theirs."""
    return roles.acts_for_all_municipalities(user) or roles.EDITOR in roles.group_names(user)


def may_organise(user, event):
    if roles.acts_for_all_municipalities(user):
        return True
    return (
        roles.EDITOR in roles.group_names(user)
        and event.municipality_id is not None
        and event.municipality_id == user.municipality_id
    )


def events_organised_by(user, events=None):
    """The queryset form of `may_organise`."""
    events = EventPage.objects.all() if events is None else events
    if roles.acts_for_all_municipalities(user):
        return events
    if roles.EDITOR not in roles.group_names(user) or user.municipality_id is None:
        return events.none()
    return events.filter(municipality_id=user.municipality_id)
