# Holds `app.jobs` under another name, and imports a library module under
# the name `_asyncio` for its side effects only: that import reads nothing
# from `app.jobs`, so the fix there may still import asyncio as `_asyncio`.
from json import decoder as _asyncio  # noqa: F401

import app.jobs as jobs_module


def describe():
    return jobs_module.__name__
