# asyncmod-runtime: compare
import asyncio
import types
from unittest import mock
from app import svc
class Legacy(Exception):
    pass
with mock.patch.object(svc, "asyncio", types.SimpleNamespace(TimeoutError=Legacy)):
    print(asyncio.run(svc.guarded()))
