from .db import Database, open_pg
from .types import Conn
