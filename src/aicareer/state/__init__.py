"""The user's saved state: answers, plan and marks; atomic writes and locks."""
