# Reads `_asyncio` from `app.jobs` by name: a fix that binds it there would
# change what this prints, so it is left alone.
import app.jobs as jobs_module


def describe():
    return getattr(jobs_module, "_asyncio", "no private asyncio")
