"""cchc: the analyst-facing layer that ties crawler/, extract/ and store/ together."""
