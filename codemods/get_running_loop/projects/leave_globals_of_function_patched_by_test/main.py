# asyncmod-runtime: compare
import asyncio
from unittest import mock
from app import work
fake = mock.Mock()
with mock.patch.dict(work.schedule.__globals__, {"asyncio": mock.Mock(get_event_loop=lambda: fake, sleep=asyncio.sleep)}):
    asyncio.run(work.schedule())
print("fake loop used:", fake.call_later.called)
