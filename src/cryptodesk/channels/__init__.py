"""The ways customers reach the desk live: web chat over a WebSocket today."""
