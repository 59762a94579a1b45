"""The formats of `slaextract extract`: the clause summary as JSON or as text tables."""
