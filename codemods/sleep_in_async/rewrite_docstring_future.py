#!/usr/bin/env python3
"""Module docstring: the new import goes after it and the __future__ import."""
from __future__ import annotations
# A comment that belongs to the function below.
async def main() -> None:
    import time

    time.sleep(1)  # rewrite: local `import time` becomes unused and goes
