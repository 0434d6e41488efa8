"""modelsearch's database backends, keeping the site search's side table in step with the index.

Set in `WAGTAILSEARCH_BACKENDS` as `search.backends`: like `wagtail.search.backends.database`
it picks the PostgreSQL or SQLite flavour from the database in use.
"""

from modelsearch.backends.database.postgres.postgres import PostgresIndex, PostgresSearchBackend

from django.db import connection

from . import documents


class ListingIndexMixin:
    def add_items(self, model, objs):
        objs = list(objs)
        super().add_items(model, objs)
        documents.sync(model, objs)

    def delete_item(self, item):
        super().delete_item(item)
        documents.forget(item)

    def reset(self):
        super().reset()
        documents.forget_all()

    def _refresh_title_norms(self, full=False):
        # modelsearch re-averages every title in the table after each single save (hundreds of
        # milliseconds per forum post at 200 000 posts). The site search ranks without title_norm;
        # the full refresh at the end of `update_index` keeps Wagtail's admin search ranking as before.
        if full:
            super()._refresh_title_norms(full=True)


class ListingPostgresIndex(ListingIndexMixin, PostgresIndex):
    pass


class ListingPostgresSearchBackend(PostgresSearchBackend):
    index_class = ListingPostgresIndex


def SearchBackend(params):  # noqa: N802 - the name modelsearch looks up in a backend module
    if connection.vendor == "postgresql":
        return ListingPostgresSearchBackend(params)
    # modelsearch's SQLite module needs its FTS model, which exists only on SQLite: import it here.
    from modelsearch.backends.database.sqlite.sqlite import SQLiteIndex, SQLiteSearchBackend

    class ListingSQLiteIndex(ListingIndexMixin, SQLiteIndex):
        pass

    class ListingSQLiteSearchBackend(SQLiteSearchBackend):
        index_class = ListingSQLiteIndex

    return ListingSQLiteSearchBackend(params)
