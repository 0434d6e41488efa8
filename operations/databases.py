"""Copying the database out and in, one class per kind the site runs on (DESIGN.md: SQLite embedded, PostgreSQL).

Both copies are safe while the site runs: SQLite's online backup reads one consistent state of the file, and
pg_dump reads one snapshot. Both restores are all or nothing: SQLite's backup writes the target in one
transaction, and the PostgreSQL dump is replayed by psql in one transaction. The password never reaches a
command line: pg_dump, pg_restore and psql read it from a password file of their own (PGPASSFILE).
"""

import os
import re
import shutil
import sqlite3
import subprocess  # the PostgreSQL tools, run with argument lists and no shell  # nosec B404
import tempfile
from contextlib import closing, contextmanager, suppress
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from .manifest import BackupError

# libpq's environment variables for the connection options a DATABASE_URL may carry (?sslmode=require …).
LIBPQ_OPTIONS = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "connect_timeout": "PGCONNECT_TIMEOUT",
    "options": "PGOPTIONS",
    "target_session_attrs": "PGTARGETSESSIONATTRS",
}

# Before a dump replaces what a database holds: every table, view and sequence in the schema the dump writes
# into goes, in the same transaction as the dump's own statements, so that a failure leaves the old content.
DROP_EVERYTHING = """
SET LOCAL client_min_messages = warning;
DO $$
DECLARE relation record;
BEGIN
    FOR relation IN
        SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
        -- Sequences last: a column's own sequence goes with its table, and may not go before it.
        ORDER BY c.relkind = 'S'
    LOOP
        EXECUTE format(
            'DROP %s IF EXISTS public.%I CASCADE',
            CASE relation.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE'
                                  WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END,
            relation.relname
        );
    END LOOP;
END $$;
"""


def for_connection(connection):
    """The kind of database the site runs on, as a copier."""
    kinds = {kind.vendor: kind for kind in (SqliteDatabase, PostgresqlDatabase)}
    if connection.vendor not in kinds:
        raise BackupError(_("A database of the kind %(vendor)s cannot be backed up.") % {"vendor": connection.vendor})
    return kinds[connection.vendor](connection)


def read_back(file):
    """What a tool wrote into a temporary file."""
    file.seek(0)
    return file.read().decode(errors="replace").strip()


def kind_name(vendor):
    return {"sqlite": "SQLite", "postgresql": "PostgreSQL"}.get(vendor, vendor)


class SqliteDatabase:
    vendor = "sqlite"
    file_name = "database.sqlite3"

    def __init__(self, connection):
        self.connection = connection
        self.path = Path(connection.settings_dict["NAME"])

    def describe(self):
        return {"kind": self.vendor, "file": self.file_name, "version": sqlite3.sqlite_version}

    def dump(self, target):
        if not self.path.is_file():
            raise BackupError(_("The database file %(path)s does not exist.") % {"path": self.path})
        try:
            with closing(sqlite3.connect(self.path, timeout=20)) as source, closing(sqlite3.connect(target)) as copy:
                # One step: a consistent copy under one read lock, which in WAL mode holds up no writer.
                source.backup(copy)
                # A file that stands alone, with no -wal beside it.
                copy.execute("PRAGMA journal_mode=DELETE")
                if (problem := copy.execute("PRAGMA quick_check").fetchone()[0]) != "ok":
                    raise sqlite3.DatabaseError(problem)
        except sqlite3.Error as error:
            raise BackupError(_("SQLite could not copy the database: %(error)s") % {"error": error}) from None

    def restore(self, dump, *, replace):
        """Copy the backup's file into the site's database file (`replace` is checked by the caller).

        The file is checked first: a file whose checksum holds may still have been broken before it was summed,
        and SQLite would copy a broken page as it is.
        """
        self.connection.close()
        if not self.path.parent.is_dir():
            raise BackupError(
                _("The folder of the database file, %(path)s, does not exist.") % {"path": self.path.parent}
            )
        try:
            with closing(sqlite3.connect(f"{dump.resolve().as_uri()}?mode=ro", uri=True)) as source:
                if (problem := source.execute("PRAGMA quick_check").fetchone()[0]) != "ok":
                    raise sqlite3.DatabaseError(problem)
                with closing(sqlite3.connect(self.path, timeout=20)) as target:
                    source.backup(target)
        except sqlite3.Error as error:
            raise BackupError(
                _("SQLite cannot read the backup's database file; nothing was restored: %(error)s") % {"error": error}
            ) from None


class PostgresqlDatabase:
    vendor = "postgresql"
    file_name = "database.dump"

    def __init__(self, connection):
        self.connection = connection
        self.settings = connection.settings_dict

    def server_major(self):
        self.connection.ensure_connection()
        return self.connection.pg_version // 10000

    def describe(self):
        return {"kind": self.vendor, "file": self.file_name, "server_version": self.connection.pg_version}

    def tool(self, name):
        """pg_dump, pg_restore or psql of the server's major version or newer: older ones refuse newer servers."""
        major = self.server_major()
        candidates = [
            Path(settings.POSTGRESQL_BIN_DIR) / name if settings.POSTGRESQL_BIN_DIR else None,
            Path(f"/usr/lib/postgresql/{major}/bin/{name}"),
            shutil.which(name),
        ]
        for candidate in filter(None, candidates):
            if Path(candidate).is_file():
                version = subprocess.run(  # noqa: S603 - a fixed argument list  # nosec B603
                    [str(candidate), "--version"], capture_output=True, text=True, check=False
                ).stdout
                found = re.search(r"(\d+)(?:\.\d+)*", version)
                if found and int(found.group(1)) >= major:
                    return str(candidate)
        raise BackupError(
            _(
                "%(tool)s for PostgreSQL %(major)d or newer was not found. Install postgresql-client-%(major)d, "
                "or name its folder in POSTGRESQL_BIN_DIR."
            )
            % {"tool": name, "major": major}
        )

    @contextmanager
    def environment(self):
        """The tools' environment: where to connect, and the password in a file only this user can read."""
        environment = {key: value for key, value in os.environ.items() if key != "PGPASSWORD"}
        environment.update(
            PGHOST=str(self.settings.get("HOST") or ""),
            PGPORT=str(self.settings.get("PORT") or ""),
            PGUSER=str(self.settings.get("USER") or ""),
            PGDATABASE=str(self.settings["NAME"]),
        )
        for option, variable in LIBPQ_OPTIONS.items():
            if option in self.settings.get("OPTIONS", {}):
                environment[variable] = str(self.settings["OPTIONS"][option])
        with tempfile.TemporaryDirectory(prefix="kunskapsforum-pg-") as folder:
            if self.settings.get("PASSWORD"):
                password_file = Path(folder) / "pgpass"
                password_file.touch(mode=0o600)
                escaped = [re.sub(r"([:\\])", r"\\\1", str(self.settings[key])) for key in ("USER", "PASSWORD")]
                password_file.write_text(f"*:*:*:{escaped[0]}:{escaped[1]}\n", encoding="utf-8")
                environment["PGPASSFILE"] = str(password_file)
            yield environment

    def dump(self, target):
        pg_dump = self.tool("pg_dump")
        with self.environment() as environment:
            result = subprocess.run(  # noqa: S603 - a fixed argument list, the password in PGPASSFILE  # nosec B603
                [pg_dump, "--format=custom", "--no-password", f"--file={target}"],
                env=environment,
                capture_output=True,
                text=True,
                check=False,
            )
        if result.returncode:
            raise BackupError(_("pg_dump failed: %(error)s") % {"error": result.stderr.strip()})

    def restore(self, dump, *, replace):
        """Replay the dump with psql in one transaction; with `replace`, drop everything first in the same one.

        psql commits when its input ends, so if pg_restore stops half-way psql is killed instead: the server
        then rolls the transaction back and the database is as it was.
        """
        pg_restore, psql = self.tool("pg_restore"), self.tool("psql")
        with (
            self.environment() as environment,
            tempfile.TemporaryFile() as script_errors,
            tempfile.TemporaryFile() as psql_errors,
        ):
            script = subprocess.Popen(  # noqa: S603 - a fixed argument list  # nosec B603
                [pg_restore, "--no-owner", "--no-privileges", "--exit-on-error", "--file=-", str(dump)],
                stdout=subprocess.PIPE,
                stderr=script_errors,
                env=environment,
            )
            replay = subprocess.Popen(  # noqa: S603 - a fixed argument list, the password in PGPASSFILE  # nosec B603
                [psql, "--no-psqlrc", "--quiet", "--single-transaction", "--set=ON_ERROR_STOP=1", "--no-password"],
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=psql_errors,
                env=environment,
            )
            psql_stopped = False
            try:
                if replace:
                    replay.stdin.write(DROP_EVERYTHING.encode())
                shutil.copyfileobj(script.stdout, replay.stdin)
            except BrokenPipeError:
                # psql stopped at an error, which it tells below; pg_restore would wait for a reader forever.
                psql_stopped = True
                script.kill()
            script.stdout.close()
            if script.wait() and not psql_stopped:
                replay.kill()
            with suppress(BrokenPipeError):
                replay.stdin.close()
            replay.wait()
            script_error, psql_error = (read_back(file) for file in (script_errors, psql_errors))
        if psql_stopped or (replay.returncode and not script.returncode):
            raise BackupError(_("psql stopped; nothing was restored: %(error)s") % {"error": psql_error})
        if script.returncode:
            raise BackupError(_("pg_restore failed; nothing was restored: %(error)s") % {"error": script_error})
