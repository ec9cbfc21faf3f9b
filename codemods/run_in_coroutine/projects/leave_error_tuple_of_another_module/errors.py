RETRYABLE = (ConnectionError, RuntimeError)
