"""Benchmarks: generate a realistic organisation, measure against the store's own limit."""
