async def on_exit(et, e, tb):
    return True
