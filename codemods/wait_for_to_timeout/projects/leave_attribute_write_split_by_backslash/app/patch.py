from app import svc
svc \
    .TIMEOUT = 0
