# Builtins that CPython 3.11 has and the value package does not provide:
# the exception groups TaskGroup raises. Their empty __module__ makes them
# print as builtins do ("ExceptionGroup: ...").


def _group_init(self, message, exceptions):
    super(type(self), self).__init__(message, list(exceptions))
    self.message = message
    self.exceptions = tuple(exceptions)


def _group_str(self):
    n = len(self.exceptions)
    return f"{self.message} ({n} sub-exception{'s' if n > 1 else ''})"


class BaseExceptionGroup(BaseException):
    __module__ = ''
    __init__ = _group_init
    __str__ = _group_str


class ExceptionGroup(Exception):
    __module__ = ''
    __init__ = _group_init
    __str__ = _group_str
