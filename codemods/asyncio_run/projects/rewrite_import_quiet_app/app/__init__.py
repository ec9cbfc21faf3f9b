"""The application."""

__all__ = ["server"]
