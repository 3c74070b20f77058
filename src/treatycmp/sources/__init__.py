"""Official texts: reading them, finding their headings, verifying the corpus against them, writing
skeletons and confirmations into the YAML."""
