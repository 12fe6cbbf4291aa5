"""The HR imports: the organisation (Ressorts, Dienststellen) and the employees, from CSV files
(layout in docs/hr-import.md), for the management commands and the admin upload."""
