"""Names people type: citations and instrument names, article search, questions, State names, near
spellings."""
