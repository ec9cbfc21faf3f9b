# asyncmod-runtime: compare
# Other modules' functions patched by a computed name or a tuple target:
# asyncio's own `wait_for` is not among them.
import asyncio
from unittest import mock

from app import backend, service


async def fake_job():
    return "stub"


NAME = "job"
with mock.patch.object(backend, NAME, fake_job):
    print("patched", asyncio.run(service.run()))
setattr(backend, NAME, fake_job)
print("set", asyncio.run(service.run()))
backend.job, other = fake_job, 1
print("tuple", asyncio.run(service.run()))
