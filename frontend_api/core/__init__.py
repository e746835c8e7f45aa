"""Shared parts of the API: the locale enum, the Page interface, connections, images, rich text."""
