ERRORS = (ValueError, KeyError)
