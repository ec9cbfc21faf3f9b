BG = []
