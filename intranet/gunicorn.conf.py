"""Gunicorn settings; every value can be overridden from the environment."""

import multiprocessing
import os

wsgi_app = "intranet.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", str(multiprocessing.cpu_count() * 2 + 1)))
threads = int(os.environ.get("GUNICORN_THREADS", "2"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so that a slow leak can never grow unbounded.
max_requests = 2000
max_requests_jitter = 200
accesslog = "-"
# Gunicorn's default line holds the query string and the referrer: what people searched for (/sok/?q=…),
# which is personal data often enough. Method, path, status, size and time are what operations need.
access_log_format = '%(h)s %(l)s %(u)s %(t)s "%(m)s %(U)s %(H)s" %(s)s %(b)s %(M)sms "%(a)s"'
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
