"""The adapters and the process: the CLI and the Discord bot. The only package importing discord."""
