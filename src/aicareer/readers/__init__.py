"""The user's files (answers, resumes, job postings) turned into text or data."""
