async def save_tuple(record):
    print("async", record)


async def save_for(record):
    print("async", record)


async def save_with(record):
    print("async", record)


async def save_patch(record):
    print("async", record)


async def save_multiple(record):
    print("async", record)


async def save_dict(record):
    print("async", record)


async def save_dict_keyword(record):
    print("async", record)


async def save_vars(record):
    print("async", record)


async def save_spaced(record):
    print("async", record)


async def save_backslash(record):
    print("async", record)


async def save_multiline(record):
    print("async", record)


async def save_setattr_spaced(record):
    print("async", record)


async def save_comprehension(record):
    print("async", record)
