from base import STOP

__all__ = ["STOP"]
