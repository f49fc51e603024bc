package kit_test

import (
	"context"
	"fmt"
	"path/filepath"
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
	claims, _ := data.MDFClaims(ctx, w.s.DB(), `request_id = ?`, w.claimReq)
	if len(claims) != 1 {
		t.Fatalf("claims %+v", claims)
	}
	files, err := w.s.MDFProofs(ctx, claims[0].ID)
	if err != nil || len(files) != 1 || files[0].Name != "photos.zip" {
		t.Errorf("proofs attached to the claim: %+v, %v", files, err)
	}
}
