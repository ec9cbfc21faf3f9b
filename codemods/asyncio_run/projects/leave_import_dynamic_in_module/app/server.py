state = __import__("app.state").state


async def main():
    print(await state.READY)
