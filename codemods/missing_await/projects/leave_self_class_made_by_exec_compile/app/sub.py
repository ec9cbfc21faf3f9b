from app.base import Base
_src = "class Sub(Base):\n    def flush(self):\n        print('sync flush')\n"
_ns = {"Base": Base}
exec(compile(_src, "<plugin>", "exec"), _ns)
Sub = _ns["Sub"]
