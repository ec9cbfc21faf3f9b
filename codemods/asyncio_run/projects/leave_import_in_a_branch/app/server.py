import sys

if sys.version_info >= (3, 8):
    from app import state


async def main():
    print(await state.READY)
