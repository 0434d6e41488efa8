"""`make soak`: fifty people on two app servers while a worker dies and PostgreSQL restarts.

The run (`python -m devtools.soak`, `run.py`) builds a throwaway PostgreSQL database with the demo content and the
soak's people (`world.py`), starts two gunicorn instances with the production settings and the task worker, all
sharing that database and one Redis database (`stack.py`), and lets the simulated people (`people.py`) read and
write for a minute while `watch.py` asks /healthz and PostgreSQL how they are. Midway one gunicorn worker is
killed and PostgreSQL is restarted. Afterwards `check.py` (inside Django) looks up every acknowledged write row by
row and every queued e-mail, and `verdict.py` says whether the criteria of docs/operations.md hold.

Only `world.py` and `check.py` import Django; the rest is a client of the running site.
"""
