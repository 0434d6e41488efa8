"""What a database that went away raises: a restart, a failover, a connection it ended.

Background work that catches errors per item (one bad address must not stop everyone else's e-mail) lets these
through, so that the task fails as a whole and the worker runs it again once the database is back
(intranet/management/commands/db_worker.py), instead of passing over what it could not do.
"""

from django.db import InterfaceError, OperationalError

DATABASE_GONE = (OperationalError, InterfaceError)
