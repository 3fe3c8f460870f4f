"""kaart"""
