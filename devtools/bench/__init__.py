"""`make bench` and `make bench-search`: the site under gunicorn with production settings, measured with wrk.

`run` drives a whole run (database, data set, server, load); `results` reads, judges and prints what it
found, `machine` the facts kept with it; `pages` names what is measured and the targets; `urls`, `views`
and `middleware` are what the bench settings (intranet/settings/bench.py) add to production's: the
framework floor and a query count on request; `report.lua` is wrk's report. Nothing here is imported by
the site's own code, and production's settings name none of it.
"""
