"""Koppelen: volunteers (offers) matched to residents (requests)."""
