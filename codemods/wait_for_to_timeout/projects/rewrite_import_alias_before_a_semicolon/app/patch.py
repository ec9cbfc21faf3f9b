import app.svc as s; print('timeout is', s.TIMEOUT)
