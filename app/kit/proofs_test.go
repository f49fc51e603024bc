package kit_test

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"

	"channeldesk/app/kit"
	"channeldesk/app/mdf"
	"channeldesk/data"
)

// Proof files that come with the kit (dropped onto the window with it)
// are attached to the claim that names them; the preview says which
// named files did not come. A claim imported without files keeps only
// their names in its note.
func TestClaimProofFilesCameWithTheKit(t *testing.T) {
	w := newWorld(t)
	p := openKit(t, exportA(t, w))
	p.fill(shMDF, p.next(shMDF, "C:"+fmt.Sprint(w.claimReq)), 9, 2000, 25, "Photos.ZIP; leads.xlsx")
	out := filepath.Join(t.TempDir(), "back.xlsx")
	p.save(out)
	proofs := []mdf.ProofFile{{Name: "photos.zip", Content: []byte("zip bytes")}, {Name: "unrelated.txt", Content: []byte("x")}}
	pv, err := importFile(t, w.s, out, kit.ImportOptions{Proofs: proofs})
	if err != nil {
		t.Fatal(err)
	}
	var claim *kit.Item
	for i := range pv.Items {
		if pv.Items[i].Kind == kit.RowClaim {
			claim = &pv.Items[i]
		}
	}
	if claim == nil || len(claim.Proofs) != 1 || claim.Proofs[0] != "photos.zip" || len(claim.Missing) != 1 || claim.Missing[0] != "leads.xlsx" {
		t.Fatalf("claim row in the preview: %+v", claim)
	}
	if _, err := importFile(t, w.s, out, kit.ImportOptions{Proofs: proofs, Commit: true}); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	claims, _ := w.s.MDFClaimsBy(ctx, data.MDFClaimFilter{PartnerID: w.a})
	if len(claims) != 1 {
		t.Fatalf("claims %+v", claims)
	}
	files, err := w.s.MDFProofs(ctx, claims[0].ID)
	if err != nil || len(files) != 1 || files[0].Name != "photos.zip" {
		t.Errorf("proofs attached to the claim: %+v, %v", files, err)
	}
}

// Proofs named loosely still attach; a named proof that did not come and
// a dropped file no claim names are both in the preview, and the manager
// attaches that file to the claim by hand (ImportOptions.Attach).
func TestClaimProofsMatchLooselyAndAttachByHand(t *testing.T) {
	w := newWorld(t)
	p := openKit(t, exportA(t, w))
	p.fill(shMDF, p.next(shMDF, "C:"+fmt.Sprint(w.claimReq)), 9, 2000, 25,
		`Invoice 12; photos.jpeg; C:\Users\Анна\Desktop\Отчёт.PDF; contract.pdf`)
	out := filepath.Join(t.TempDir(), "back.xlsx")
	p.save(out)
	proofs := []mdf.ProofFile{{Name: "invoice_12.PDF", Content: []byte("inv")}, {Name: "photos.jpg", Content: []byte("jpg")},
		{Name: "отчёт.pdf", Content: []byte("rep")}, {Name: "scan001.png", Content: []byte("png")}}
	claimOf := func(pv *kit.Preview) kit.Item {
		t.Helper()
		for _, it := range pv.Items {
			if it.Kind == kit.RowClaim {
				return it
			}
		}
		t.Fatalf("no claim row in the preview: %+v", pv.Items)
		return kit.Item{}
	}
	pv, err := importFile(t, w.s, out, kit.ImportOptions{Proofs: proofs})
	if err != nil {
		t.Fatal(err)
	}
	claim := claimOf(pv)
	if !slices.Equal(claim.Proofs, []string{"invoice_12.PDF", "photos.jpg", "отчёт.pdf"}) || !slices.Equal(claim.Missing, []string{"contract.pdf"}) {
		t.Errorf("claim row: attached %q, missing %q", claim.Proofs, claim.Missing)
	}
	if !slices.Equal(pv.Unnamed, []string{"scan001.png"}) {
		t.Errorf("files no claim names: %q, want scan001.png", pv.Unnamed)
	}

	attach := map[string][]string{claim.Hash: {"scan001.png"}}
	pv, err = importFile(t, w.s, out, kit.ImportOptions{Proofs: proofs, Attach: attach, Commit: true})
	if err != nil {
		t.Fatal(err)
	}
	if claim = claimOf(pv); len(claim.Proofs) != 4 || !slices.Equal(claim.ByHand, []string{"scan001.png"}) || len(pv.Unnamed) != 0 {
		t.Errorf("after attaching by hand: proofs %q, by hand %q, unnamed %q", claim.Proofs, claim.ByHand, pv.Unnamed)
	}
	ctx := context.Background()
	claims, _ := w.s.MDFClaimsBy(ctx, data.MDFClaimFilter{PartnerID: w.a})
	if len(claims) != 1 {
		t.Fatalf("claims %+v", claims)
	}
	files, err := w.s.MDFProofs(ctx, claims[0].ID)
	var got []string
	for _, f := range files {
		got = append(got, f.Name)
	}
	slices.Sort(got)
	if err != nil || !slices.Equal(got, []string{"invoice_12.PDF", "photos.jpg", "scan001.png", "отчёт.pdf"}) {
		t.Errorf("proofs stored with the claim: %q, %v", got, err)
	}
}
