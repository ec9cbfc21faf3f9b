import collections
from base import Base


class Sub(collections.UserDict, Base):
    pass
