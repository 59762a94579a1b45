"""Clean text → typed values, one module per field of the clause summary."""
