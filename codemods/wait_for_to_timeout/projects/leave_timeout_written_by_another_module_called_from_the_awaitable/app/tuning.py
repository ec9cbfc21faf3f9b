import app.svc
def fast_mode():
    app.svc.T = 0.01
