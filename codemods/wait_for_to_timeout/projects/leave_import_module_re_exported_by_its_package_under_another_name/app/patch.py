from app import service
service.TIMEOUT = 0
