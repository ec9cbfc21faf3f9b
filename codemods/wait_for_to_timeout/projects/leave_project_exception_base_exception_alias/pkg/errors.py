AnyError = BaseException
