"""`python -m groeispurt_cli …` is the `groeispurt` command (tests and benchmarks start it so)."""

import sys

from groeispurt_cli.main import main

sys.exit(main())
