"""The follow-up view: what is due this month and what is overdue, with its status."""
