def helper():
    return LIMIT
LIMIT = 1
