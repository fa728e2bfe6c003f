"""Pure rules of the inspection: no Textual, no SQL, no I/O."""
