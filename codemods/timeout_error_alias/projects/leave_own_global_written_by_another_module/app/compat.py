import app.svc
class AppTimeout(Exception):
    pass
app.svc.TimeoutError = AppTimeout
