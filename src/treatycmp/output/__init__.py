"""Output: the view model, the presentation of each command's result, the renderers, and writing
files."""
