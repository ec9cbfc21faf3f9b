from app.base import Base
class Sub(Base):
    pass
