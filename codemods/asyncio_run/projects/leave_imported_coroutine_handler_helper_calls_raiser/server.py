import os
import signal

from handlers import handle


async def serve():
    os.kill(os.getpid(), signal.SIGINT)  # the operator presses Ctrl-C
    await handle()
