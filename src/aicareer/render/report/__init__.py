"""The HTML report: its model (charts as numbers), the template and the page."""
