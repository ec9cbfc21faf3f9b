async def close():
    raise RuntimeError('close failed')
