async def save(x):
    print("async", x)
