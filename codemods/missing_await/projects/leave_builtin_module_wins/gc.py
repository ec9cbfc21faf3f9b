# Never imported: the interpreter's own `gc` wins.
async def collect():
    return 0
