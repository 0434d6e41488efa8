"""The single sign-on providers the login page offers (accounts/sso.py)."""

from django import template

from accounts import sso

register = template.Library()


@register.simple_tag
def sso_providers():
    return sso.providers()
