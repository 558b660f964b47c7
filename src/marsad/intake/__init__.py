"""Report intake: texts in, proposed claims out for analysts to accept, edit or reject;
copies of one story found; accepted claims feed the other areas."""
