"""The Services tab: the catalog table, its model and search index."""
