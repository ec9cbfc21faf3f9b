import asyncio
import signal
async def aclose():
    print("alarm: ran on loop")
def on_alarm(signum, frame):
    try:
        asyncio.get_event_loop().run_until_complete(aclose())
    except RuntimeError as e:
        print("alarm:", e)
async def start():
    signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, 0.1)
    print("started")
