"""Qt adapters and windows over the pure model."""
