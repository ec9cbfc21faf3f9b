from unittest import mock
class AppTimeout(Exception):
    pass
mock.patch("app.svc.TimeoutError", AppTimeout, create=True).start()
