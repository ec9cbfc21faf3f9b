from app import service
print('timeout is', service.TIMEOUT)
