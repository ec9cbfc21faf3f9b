from typing import Optional, TypeAlias

import asyncpg
from sqlalchemy.ext.asyncio import AsyncSession

Conn = asyncpg.Connection
DB: TypeAlias = "AsyncSession"
MaybeConn = Optional[Conn]
