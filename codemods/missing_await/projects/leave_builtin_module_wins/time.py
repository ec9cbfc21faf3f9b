# Never imported: the interpreter's own `time` wins.
async def sleep(seconds):
    return seconds
