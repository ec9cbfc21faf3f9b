import sys


async def main():
    print(await sys.modules["app.state"].READY)
