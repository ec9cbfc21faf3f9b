# asyncmod-runtime: compare
import asyncio

from unittest import mock

from app.jobs import job

with mock.patch("app.jobs.get_event_loop", asyncio.get_running_loop):
    print("patched")

print(asyncio.run(job()))
