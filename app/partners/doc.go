// Package partners owns the partner list's search: the in-memory index,
// its filters and sort orders.
package partners
