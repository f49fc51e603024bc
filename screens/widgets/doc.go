// Package widgets holds the window's reusable pieces, which know nothing
// of the screens that use them: entries for text, money, counts, dates and
// percentages that read what people type in either locale and name their
// field in errors; the month calendar; the bar chart; the partner picker;
// the progress dialog of long work; rows of buttons that wrap instead of
// running out of a narrow pane (NewRow); and FormDialog, the one dialog every
// form uses (fields, a red error line, Cancel, Delete, Save).
//
// Entries report typing (NoteTyping) so that Esc asks before throwing
// typed text away (TypedIntoTop), and ShowForm opens a dialog with the
// cursor in its first field.
package widgets
