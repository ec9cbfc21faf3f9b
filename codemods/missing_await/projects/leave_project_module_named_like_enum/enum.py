async def auto():
    print("project auto")
