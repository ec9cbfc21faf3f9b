# asyncmod-runtime: compare
import asyncio
from unittest import mock
from app import svc
class Legacy(Exception):
    pass
with mock.patch("app.svc.ATimeout", Legacy):
    print(asyncio.run(svc.guarded()))
