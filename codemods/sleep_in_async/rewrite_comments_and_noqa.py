import time


async def mixed():
    time.sleep(1)  # noqa: E501 -- rewrite: another code's noqa does not apply
    time.sleep(2)  # noqa: AM001 -- leave: suppressed by our code
    time.sleep(3)  # noqa: ASYNC251 -- leave: suppressed by the ruff code
    time.sleep(4)  # NOQA -- leave: blanket noqa
    time.sleep(  # rewrite: comments inside the call survive
        5,  # seconds
    )
