"""Pure readers of real data files (ACLED exports, casualty series, aid line lists): each row
becomes a typed record or a rejection naming the line, the field and the value. No Django."""
