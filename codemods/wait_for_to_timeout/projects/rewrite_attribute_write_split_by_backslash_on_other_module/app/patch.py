from app import svc, other
other \
    .TIMEOUT = 0
print(svc.TIMEOUT)
