Anything = BaseException
