from app import plugin  # noqa: F401  (imported in turn by main.py)
