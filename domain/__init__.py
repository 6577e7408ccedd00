"""The growth cycle and its rules: pure Python, no I/O."""
