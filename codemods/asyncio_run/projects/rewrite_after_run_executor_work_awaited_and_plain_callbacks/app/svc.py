import atexit
import signal

SEEN = []


def on_usr1(signum, frame):
    SEEN.append(signum)
    print("usr1 seen")


def report():
    print("at exit: seen", len(SEEN))


async def work():
    signal.signal(signal.SIGUSR1, on_usr1)
    atexit.register(report)
