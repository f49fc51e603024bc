package data

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"strings"
)

// MaxProofSize is the largest proof-of-performance file a claim may hold,
// so that the single database file stays a manageable size.
const MaxProofSize = 10 << 20

// MDFProof is a proof-of-performance file kept inside the database.
type MDFProof struct {
	ID      int64
	ClaimID int64
	Name    string
	Size    int64
	SHA256  string // hex
	AddedAt string
}

// ProofHash is the hex SHA-256 of a file's content.
func ProofHash(content []byte) string {
	h := sha256.Sum256(content)
	return hex.EncodeToString(h[:])
}

// InsertMDFProofTx stores a file for a claim, refusing one over MaxProofSize.
func (s *Store) InsertMDFProofTx(ctx context.Context, tx *Tx, claimID int64, name string, content []byte) (*MDFProof, error) {
	name = strings.TrimSpace(filepath.Base(name))
	switch {
	case name == "" || name == "." || name == "/":
		return nil, Invalid("mdf_proof", "err.required", nil)
	case len(content) > MaxProofSize:
		return nil, Invalid("mdf_proof", "err.mdf_proof_too_big", map[string]any{
			"Name": name, "SizeMB": (len(content) + (1<<20 - 1)) >> 20, "MaxMB": MaxProofSize >> 20})
	}
	p := &MDFProof{ClaimID: claimID, Name: name, Size: int64(len(content)), SHA256: ProofHash(content), AddedAt: s.now()}
	res, err := tx.ExecContext(ctx, `INSERT INTO mdf_proofs (id, claim_id, name, size, sha256, content, added_at) VALUES (`+teamID("mdf_proofs")+`, ?,?,?,?,?,?)`,
		p.ClaimID, p.Name, p.Size, p.SHA256, content, p.AddedAt)
	if err != nil {
		return nil, notFoundIfFK(err, "mdf_claim")
	}
	p.ID, err = res.LastInsertId()
	return p, err
}

// MDFProofs lists the files of a claim, without their content.
func (s *Store) MDFProofs(ctx context.Context, claimID int64) ([]MDFProof, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, claim_id, name, size, sha256, added_at FROM mdf_proofs WHERE claim_id = ? ORDER BY id`, claimID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ps []MDFProof
	for rows.Next() {
		var p MDFProof
		if err := rows.Scan(&p.ID, &p.ClaimID, &p.Name, &p.Size, &p.SHA256, &p.AddedAt); err != nil {
			return nil, err
		}
		ps = append(ps, p)
	}
	return ps, rows.Err()
}

// MDFProofContent reads a file back and checks it against its stored
// SHA-256; a damaged file is refused rather than handed out.
func (s *Store) MDFProofContent(ctx context.Context, id int64) (*MDFProof, []byte, error) {
	var p MDFProof
	var content []byte
	err := s.db.QueryRowContext(ctx, `SELECT id, claim_id, name, size, sha256, added_at, content FROM mdf_proofs WHERE id = ?`, id).
		Scan(&p.ID, &p.ClaimID, &p.Name, &p.Size, &p.SHA256, &p.AddedAt, &content)
	if err != nil {
		return nil, nil, notFoundIf(err, "mdf_proof")
	}
	if int64(len(content)) != p.Size || ProofHash(content) != p.SHA256 {
		return &p, nil, Conflict("err.mdf_proof_damaged", map[string]any{"Name": p.Name})
	}
	return &p, content, nil
}
