from .calendars import CalendarToken
from .campaigns import CampaignIndexPage, CampaignMaterial, CampaignPage
from .events import EventDocument, EventPage, EventPageTag, EventType
from .registrations import Registration, RegistrationStatus

__all__ = [
    "CalendarToken",
    "CampaignIndexPage",
    "CampaignMaterial",
    "CampaignPage",
    "EventDocument",
    "EventPage",
    "EventPageTag",
    "EventType",
    "Registration",
    "RegistrationStatus",
]
