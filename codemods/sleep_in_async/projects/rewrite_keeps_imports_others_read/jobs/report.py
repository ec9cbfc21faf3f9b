from jobs import ticker


def started():
    return ticker.time.monotonic() > 0
