"""Placeholder; filled in with the check."""
