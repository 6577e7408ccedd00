"""Read models built from the event log by projections."""
