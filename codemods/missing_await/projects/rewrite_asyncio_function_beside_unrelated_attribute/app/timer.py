import time


class Timer:
    def __init__(self, sleep=time.sleep):
        self.sleep = sleep

    def pause(self):
        self.sleep(0)
