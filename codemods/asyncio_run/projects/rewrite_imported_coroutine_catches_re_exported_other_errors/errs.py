from kinds import ERRORS

__all__ = ["ERRORS"]
