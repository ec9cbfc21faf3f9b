import app.svc
def slow_mode():
    # Run before the timeout is used, not by the awaitable's calls.
    app.svc.T = 2
