import time


def _pause(seconds):
    if seconds > 0:  # behind an `if`: still a call that blocks
        time.sleep(seconds)
