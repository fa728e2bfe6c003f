"""Before and around an inspection: welcome, a new inspection, the dashboard, a store
that will not open."""
