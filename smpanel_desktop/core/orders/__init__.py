"""Service types -> the fields their ``add`` takes; validation, parameters and cost.

The order rules live in: fields.py (the declared table, ``fields_for``), values.py (checks of
single values), validation.py (``validate``), params.py (``build_params``, ``total_quantity``,
``estimate_cost``). Import from those modules; this package re-exports nothing.

The New Order form is built from ``fields_for(service)`` and the CLI checks ``--field`` values
with ``validate``; both send exactly ``build_params``.  Values come in as the user typed them
(``dict[str, str]``, empty string = not given).

Decisions where the protocol is silent:

* Drip-feed (Default only, and only when ``service.dripfeed``): ``runs`` and ``interval`` are
  given together or not at all; ``runs`` >= 2 (one run is a plain order), ``interval`` >= 1 min.
* Lines fields (comments, usernames ...) drop blank lines; where the lines make the quantity
  (Custom Comments, Mentions Custom List, Comment Replies) their count must lie in min..max.
* Package and Custom Comments Package cost ``rate`` itself: real catalogs show package rates such
  as "84.00" for a "15000 views" package, i.e. the price of the package, not per 1000.
* Subscriptions have no fixed quantity: ``total_quantity`` and ``estimate_cost`` return None.
* Type names are matched in any spelling (``custom_comments``, ``Custom-Comments``: case, ``_``,
  ``-`` and spaces do not count; api/dialects.py), so SmartPanel's snake_case types get their form.
* Fields the form does not know, given explicitly (``--field``, the GUI's extra fields), are sent
  as given with a note (``extra_fields``, ``extras_note``): some engines want them (SmartPanel's
  Package wants ``quantity``).  The declared fields are still validated; unknown types get the
  generic form.
"""
