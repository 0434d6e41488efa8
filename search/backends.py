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

        def autocomplete(self, query, *args, **kwargs):
            # modelsearch 1.3.2 quotes each typed word for FTS5 without doubling a '"' inside it, so a quote
            # typed into the admin's page chooser ended the SQL string early (a 500). A quote is never a word.
            if isinstance(query, str):
                query = query.replace('"', " ")
            return super().autocomplete(query, *args, **kwargs)

    return ListingSQLiteSearchBackend(params)
