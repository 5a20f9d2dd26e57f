"""Rendering: the only package that imports Rich."""
