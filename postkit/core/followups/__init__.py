"""Follow-up of what was agreed: conditions from screening decisions and actions from activities."""
