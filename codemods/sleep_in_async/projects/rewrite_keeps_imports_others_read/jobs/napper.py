# `main` imports `sleep` from here in a parenthesised import.
from time import sleep


async def nap():
    sleep(0.01)
    return "napped"
