__all__ = ['DEBUG']
DEBUG = True
TIMEOUT = 0
