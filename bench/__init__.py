"""Benchmarks of the public APIs (see bench/README.md and bench/RESULTS.md)."""
