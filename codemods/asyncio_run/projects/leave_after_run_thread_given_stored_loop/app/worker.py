import threading
import time


def notify(target_loop):
    time.sleep(0.1)
    try:
        target_loop.call_soon_threadsafe(print, "never printed")
        print("notifier: scheduled")
    except RuntimeError as e:
        print("notifier:", e)


def start_notifier(target_loop):
    threading.Thread(target=notify, args=(target_loop,)).start()
