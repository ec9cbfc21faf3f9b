from unittest import mock

from app import work


def run():
    with mock.patch("asyncio.sleep") as fake:
        import asyncio

        asyncio.run(work.main())
        print("sleep called:", fake.called)
