"""Case-note PDFs (reportlab) and their digital signatures (pyHanko). No Qt."""
