class AppError(Exception):
    """Raised by the application."""

    code = 1


class NotFound(AppError):
    pass
