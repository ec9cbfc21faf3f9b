import time

time.sleep(0.1)  # leave: module level


def blocking_helper():
    time.sleep(1)  # leave: a sync function may block; asyncio.sleep would be a no-op here


class Config:
    time.sleep(0)  # leave: class body


if __name__ == "__main__":
    time.sleep(2)  # leave
