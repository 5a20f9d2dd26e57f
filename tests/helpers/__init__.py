"""Shared test helpers: made-up catalogues, plans, histories and a pseudo-terminal."""
