"""The report grids: each table section as an editable spreadsheet bound to the model."""
