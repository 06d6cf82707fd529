"""The desktop interface: the only package that imports PySide6 (with app.py).

Pages call the store and the services; they never write SQL.
"""
