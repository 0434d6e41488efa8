"""Categories, threads and posts arrive with the forum issue; see DESIGN.md, "Forum"."""
