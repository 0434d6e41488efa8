"""The secret address through which a person's calendar program reads the programme and "Mina evenemang".

Calendar programs cannot sign in, so the address itself is the key. Only its SHA-256 is stored; renewing it makes
a new secret and the old address stops working at once.
"""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

SECRET_BYTES = 32


def digest(secret):
    return hashlib.sha256(secret.encode()).hexdigest()


class CalendarTokenQuerySet(models.QuerySet):
    def person_for(self, secret):
        """The active person whose calendar address holds `secret`, or None."""
        if not secret or len(secret) > 100:
            return None
        token = self.filter(key_digest=digest(secret), person__is_active=True).select_related("person").first()
        return token.person if token else None


class CalendarToken(models.Model):
    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_token", verbose_name=_("person")
    )
    key_digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now=True)

    objects = CalendarTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("calendar address")
        verbose_name_plural = _("calendar addresses")

    def __str__(self):
        return str(self.person)

    @classmethod
    def renew_for(cls, person):
        """A new secret for the person's calendar address; the previous one stops working. Returns the secret."""
        secret = secrets.token_urlsafe(SECRET_BYTES)
        cls.objects.update_or_create(person=person, defaults={"key_digest": digest(secret)})
        return secret
