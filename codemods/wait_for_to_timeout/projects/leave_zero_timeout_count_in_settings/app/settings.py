# No servers configured: the timeout is zero, and wait_for leaves the item queued.
SERVERS = []
TIMEOUT = len(SERVERS) * 2
