from .base import Base
class Mid(Base):
    def describe(self):
        return "mid"
