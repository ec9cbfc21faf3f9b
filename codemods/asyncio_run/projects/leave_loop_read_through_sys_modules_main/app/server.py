import asyncio
import sys


async def main():
    script = sys.modules["__main__"]
    print("script loop is running:", script.loop.is_running())
