"""Lines of enquiry and their triangulation."""
