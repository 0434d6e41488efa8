"""The forum's rooms in the Wagtail admin: the moderation queue, post and thread moderation, the log."""
