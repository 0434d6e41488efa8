"""Count what people search for, per day, so that editors see what is asked and what finds nothing.

Only the query text is stored: no person, no session, no filters. A query holding what the
personal-data guard finds (an identity number, a private address or phone number) is not stored at all,
and nothing here or in the rest of the search writes a query to a log.
"""

from django.db import connection
from django.utils import timezone

from wagtail.search.utils import normalise_query_string

from common.spreadsheets import printable
from privacy import guard

from .models import SearchQueryDay
from .models.queries import MAX_TEXT_LENGTH


# Control characters (NUL, escape sequences), format characters (bidi overrides) and lone surrogates:
# they show nothing, PostgreSQL refuses NUL, spreadsheets refuse the rest.
def normalise(text):
    """The form searches are counted and promoted under: Wagtail's (lower case, single spaces), 200 characters."""
    return normalise_query_string(" ".join(printable(text or "").split()))[:MAX_TEXT_LENGTH].strip()


def _upsert_sql():
    quote = connection.ops.quote_name
    table = quote(SearchQueryDay._meta.db_table)
    text, day, searches, zero = (
        quote(SearchQueryDay._meta.get_field(name).column) for name in ("text", "day", "searches", "zero_results")
    )
    # SQLite and PostgreSQL spell the upsert alike. Names come from the model; the values are parameters.
    return (
        f"INSERT INTO {table} ({text}, {day}, {searches}, {zero}) VALUES (%s, %s, 1, %s) "  # noqa: S608  # nosec B608
        f"ON CONFLICT ({text}, {day}) DO UPDATE SET "
        f"{searches} = {table}.{searches} + 1, {zero} = {table}.{zero} + excluded.{zero}"
    )


def record(text, count):
    """Count one search for `text` today, and one without results if `count` is zero.

    One statement: the database adds to today's row or creates it, so two people searching for the
    same new words at the same moment both count, with no read first and no retry on the unique key.
    """
    # The guard reads the whole search: an identity number cut by the length limit is still one.
    if guard.inspect(printable(text or "")):
        return
    text = normalise(text)
    if not text:
        return
    with connection.cursor() as cursor:
        cursor.execute(_upsert_sql(), [text, timezone.localdate(), 0 if count else 1])
