"""Writes outside the forum's own verbs that change what its cached parts show (forum/caching.py).

A person's name, e-mail address (shown when there is no name), municipality or open account shows beside every post
and thread they wrote; a tag's or a municipality's name, and a category's name and limits, show in lists. These are
written by the admin, the profile, the closing of an account or a merge of tags, through saves, deletes and
many-to-many changes that send signals; apps.py connects the receivers below.
"""

from accounts.profiles import changes_what_is_shown
from common import versions

from .caching import ACCESS, NAMES, thread_changed


def person_saved(sender, instance, created, update_fields=None, **kwargs):
    """A new account is shown nowhere yet; a save of its sign-in time alone (every login) changes nothing shown."""
    if changes_what_is_shown(created, update_fields):
        versions.renew(NAMES)


def name_saved(sender, instance, **kwargs):
    """A tag or municipality named, renamed or removed: even a new one changes what the list's filters offer."""
    versions.renew(NAMES)


def category_changed(sender, **kwargs):
    """A category's name, place or limits: lists, breadcrumbs and who may see what."""
    versions.renew(NAMES, ACCESS)


def limits_changed(sender, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        versions.renew(ACCESS)


def thread_tag_changed(sender, instance, **kwargs):
    """A thread's tag moved by a merge of tags (knowledge.vocabulary.merge_tags), which saves or deletes the row."""
    thread_changed(instance.content_object_id)
