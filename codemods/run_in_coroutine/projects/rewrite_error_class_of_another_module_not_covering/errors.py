class AppError(ValueError):
    pass


RETRYABLE = (ConnectionError, AppError)
