from app import state


async def main():
    print(await state.READY)
