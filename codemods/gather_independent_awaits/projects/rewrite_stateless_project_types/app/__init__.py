from .models import Channel, Settings, make_settings
