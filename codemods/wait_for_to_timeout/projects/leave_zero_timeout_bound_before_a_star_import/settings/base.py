TIMEOUT = 5
__all__ = []
