// Package files owns what ChannelDesk writes to disk outside the store: the
// one atomic file writer (exports are 0644), safe file names and cells for
// text from partners, the default database path, and backups (daily,
// manual, restore).
package files
