import time


async def deliberate():
    time.sleep(1)  # noqa
    time.sleep(2)  # noqa: AM001
    time.sleep(3)  # noqa: ASYNC251
    time.sleep(4)  # noqa:AM001,E501
    time.sleep(5)  # type: ignore # noqa: ASYNC251
    time.sleep(6)  # noqa: ASYNC101 -- flake8-async's old code for this check
