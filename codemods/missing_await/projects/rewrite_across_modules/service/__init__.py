from .store import save as save_record
