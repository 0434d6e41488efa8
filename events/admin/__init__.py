"""The organiser's rooms in the Wagtail admin: the events one may manage, each event's participants, the export,
the message to participants and the way from the event into the knowledge bank."""
