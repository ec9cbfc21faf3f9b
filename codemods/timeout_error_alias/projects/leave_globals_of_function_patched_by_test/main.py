# asyncmod-runtime: compare
import asyncio
from unittest import mock
from app import svc
class Legacy(Exception):
    pass
with mock.patch.dict(svc.guarded.__globals__, {"asyncio": mock.Mock(TimeoutError=Legacy)}):
    print(asyncio.run(svc.guarded()))
