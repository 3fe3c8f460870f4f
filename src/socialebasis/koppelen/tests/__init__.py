"""Tests for the Koppelen matching engine."""
