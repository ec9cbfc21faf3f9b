import sys, syncdb
sys.modules["asyncpg"] = syncdb
