"""What the assistant can do, independent of where it is asked. Never imports discord."""
