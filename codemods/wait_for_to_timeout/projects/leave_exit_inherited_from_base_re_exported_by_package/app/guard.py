from .impl import Base
class Guard(Base):
    pass
