"""The personal-data guard: every text a user saves passes `privacy.guard.inspect` (DESIGN.md: Personal-data guard).

Imports no other app of the project, so that every app can use it.
"""
