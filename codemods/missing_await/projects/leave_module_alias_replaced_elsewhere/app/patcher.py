from unittest import mock

import app.work as w
from app import work
from app.fake import asyncio as fake

# `work.asyncio` and the others replaced from here: the globals of
# app/work.py are no longer asyncio when its code runs.
work.asyncio = fake
mock.patch.object(work, "aio_object", fake).start()
w.aio_alias = fake
mock.patch("app.work.aio_string", fake).start()
m = work
m.aio_value = fake


class Holder:
    def __init__(self):
        # An attribute of another object, named like the alias.
        self.asyncio = None
