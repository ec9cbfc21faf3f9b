import app.svc as s; s.TIMEOUT = 0
