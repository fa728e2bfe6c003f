"""The week grid: moving events, editing them, booking free slots."""
