from base import Base


class Mid(Base):
    pass
