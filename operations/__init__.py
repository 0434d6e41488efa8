"""Running the site: backup and restore of the database and the uploaded files (docs/operations.md).

Imports only `accounts` (below it), to remove what outlived its retention after a restore.
"""
