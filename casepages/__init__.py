"""casepages: prisoner case pages, the record of one person at risk."""
