"""The New Order tab: the service picker, the form built from the declared table, the
confirmation."""
