"""Urgent actions and rallies in the content API."""
