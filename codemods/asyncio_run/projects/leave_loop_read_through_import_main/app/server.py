import __main__


async def main():
    print("script loop is running:", __main__.loop.is_running())
