"""A scheduler that steps coroutines by hand: each step yields a request."""


def run(coro):
    """Runs `coro` to its end; it may only yield the driver's own requests."""
    try:
        while True:
            request = coro.send(None)
            if not isinstance(request, str):
                raise TypeError(f"unexpected request {request!r}")
            print("request:", request)
    except StopIteration as stop:
        return stop.value
