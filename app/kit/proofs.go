package kit

import (
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"channeldesk/app/mdf"
)

// Matching the proof files a claim names with the files dropped with the
// kit. Partners write names loosely — "Invoice 12" for invoice_12.PDF,
// "photos.jpeg" for photos.jpg, a path copied from their disk — so a name
// matches, in this order, the first of these that finds any file:
//  1. the same file name, any case;
//  2. the same letters and digits, ignoring case, spaces and punctuation;
//  3. the same, the name having no extension (or one the file adds to);
//  4. the same name before the extension, whatever the extensions.
// What is matched is shown on the claim's row in the preview; what is not
// (a named file that did not come, a dropped file no claim names) is
// shown too, so the manager can attach it by hand.

// proofBase is the file name at the end of a path written the Windows or
// the Unix way.
func proofBase(name string) string {
	name = strings.TrimSpace(name)
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	return strings.TrimSpace(name)
}

// proofStem is a file name without its extension (a short, letters-and-
// digits ending after the last dot).
func proofStem(base string) string {
	ext := filepath.Ext(base)
	if ext == base || len(ext) < 2 || len(ext) > 6 {
		return base
	}
	for _, r := range ext[1:] {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return base
		}
	}
	return strings.TrimSuffix(base, ext)
}

// proofKey keeps only the letters and digits of a name, in lower case.
func proofKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// matchProof returns the indexes of the files a claimed name matches (the
// first rule above that finds any), nil when none does.
func matchProof(named string, files []mdf.ProofFile) []int {
	base := proofBase(named)
	if base == "" {
		return nil
	}
	full, stem := proofKey(base), proofKey(proofStem(base))
	rules := []func(f string) bool{
		func(f string) bool { return strings.EqualFold(f, base) },
		func(f string) bool { return full != "" && proofKey(f) == full },
		func(f string) bool { return full != "" && proofKey(proofStem(f)) == full },
		func(f string) bool { return stem != "" && proofKey(proofStem(f)) == stem },
	}
	for _, rule := range rules {
		var out []int
		for i, f := range files {
			if rule(proofBase(f.Name)) {
				out = append(out, i)
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	return nil
}

// splitProofNames splits a claim's proof cell: names separated by
// commas, semicolons or line breaks.
func splitProofNames(cell string) []string {
	var out []string
	for _, n := range strings.FieldsFunc(cell, func(r rune) bool { return r == ',' || r == ';' || r == '\n' || r == '\r' }) {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, n)
		}
	}
	return out
}

// proofs finds the files a claim names among those that came with the
// kit, adds those the manager attached to its row by hand, and notes on
// the item which were attached and which named ones did not come.
func (im *importer) proofs(names string, it *Item) []mdf.ProofFile {
	files := im.opt.Proofs
	if len(files) == 0 {
		return nil // imported from the menu: the names stay in the claim's note
	}
	var take []int
	for _, n := range splitProofNames(names) {
		found := matchProof(n, files)
		if len(found) == 0 {
			it.Missing = append(it.Missing, n)
		}
		take = append(take, found...)
	}
	for _, name := range im.opt.Attach[it.Hash] {
		for i, f := range files {
			if f.Name == name {
				take = append(take, i)
				it.ByHand = append(it.ByHand, proofBase(f.Name))
				break
			}
		}
	}
	var out []mdf.ProofFile
	seen := map[int]bool{}
	for _, i := range take {
		if seen[i] {
			continue
		}
		seen[i] = true
		im.usedProofs[i] = true
		out = append(out, mdf.ProofFile{Name: proofBase(files[i].Name), Content: files[i].Content})
		it.Proofs = append(it.Proofs, proofBase(files[i].Name))
	}
	return out
}

// unnamedProofs are the dropped files no claim row took, in drop order.
func (im *importer) unnamedProofs() []string {
	var out []string
	for i, f := range im.opt.Proofs {
		if !im.usedProofs[i] && !slices.Contains(out, f.Name) {
			out = append(out, f.Name)
		}
	}
	return out
}
