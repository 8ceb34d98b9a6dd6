"""Renderers: each turns the canonical result (a dict) into one output format."""
