"""The case log and its figures: reading exports, working days, metrics, quarterly summaries."""
