"""Codes an authenticator app would show, for tests of the second step."""

import time

from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice


def app_code(device, *, seconds_ago=0):
    """The code the person's app shows now (or showed `seconds_ago`)."""
    device = TOTPDevice.objects.get(pk=device.pk)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() - seconds_ago
    return f"{totp.token():06d}"


def enrolled_device(user):
    return TOTPDevice.objects.create(user=user, name="app", confirmed=True)
