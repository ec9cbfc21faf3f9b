import app.base as b
class Guard(b.Base):
    pass
