"""Mass orders (Qt-free): many orders from one list, checked as a whole, sent one at a time.

lines.py (text lines in both panel formats), files.py (CSV and .xlsx rows), check.py (each
line against the catalog with New Order's rules, cost, total, balance, open orders with the
same service and link), sending.py (the batch remembered, then each line through
``core.placing.place_order``: recorded ``submitting`` before its request, sent once).
"""
