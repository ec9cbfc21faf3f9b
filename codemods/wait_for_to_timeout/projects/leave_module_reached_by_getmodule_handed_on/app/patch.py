class Settings:
    TIMEOUT = 5

def tune(settings):
    settings.TIMEOUT = 0

tune(Settings())
