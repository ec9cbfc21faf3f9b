from pkg.base import Base

class Mid(Base):
    pass
