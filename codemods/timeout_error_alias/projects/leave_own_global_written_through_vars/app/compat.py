import app.svc
class AppTimeout(Exception):
    pass
vars(app.svc)["TimeoutError"] = AppTimeout
