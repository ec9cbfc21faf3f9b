globals().update(TIMEOUT=0)
