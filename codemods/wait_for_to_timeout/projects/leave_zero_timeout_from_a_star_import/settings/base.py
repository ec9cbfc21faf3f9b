# poll the queue without waiting
POLL_TIMEOUT = 0
