import atexit
import signal

STATE = {"usr1": False}


def on_usr1(signum, frame):
    STATE["usr1"] = True


def report():
    print("usr1 seen:", STATE["usr1"])


def install():
    signal.signal(signal.SIGUSR1, on_usr1)
    atexit.register(report)
