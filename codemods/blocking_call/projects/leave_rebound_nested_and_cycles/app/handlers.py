from tools import io
from tools.io import read_config, settle
from tools.ping import ping

# Rebound after the import: no longer the function of `tools/io.py`.
read_config = print


def settle(seconds):
    # Binds the imported name again: the name is bound more than one way.
    return seconds


async def main():
    read_config("config.txt")
    settle(0)
    ping(3)  # a cycle between modules that never blocks
    io.later(0)  # blocks only in a function it defines and never calls
    io.spawn(0)  # runs the blocking function in a thread
