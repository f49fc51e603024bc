package kit

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strconv"
	"strings"
)

// Kind is what a returned workbook is.
type Kind string

// Workbook kinds.
const (
	KindKit         Kind = "kit"
	KindApplication Kind = "application"
)

// markerVersion is the layout of the marker; a kit of another version is
// refused rather than misread.
const markerVersion = "1"

// Marker identifies a kit: which partner it was made for, by which
// program, when, and which records it lists (the IDs of the requests,
// objectives and contacts its rows refer to).
type Marker struct {
	Kind      Kind
	KitID     string
	PartnerID int64
	Program   string
	KitDate   string
	Lang      string
	Refs      []string // "C:12", "P:4", "K:9": sorted
	Signature string
}

// newKitID is a random kit ID.
func newKitID() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// payload is the signed text: every field, one per line, and the refs.
func (m *Marker) payload() string {
	refs := append([]string(nil), m.Refs...)
	sort.Strings(refs)
	return strings.Join([]string{"channeldesk-kit", markerVersion, string(m.Kind), m.KitID,
		strconv.FormatInt(m.PartnerID, 10), m.Program, m.KitDate, m.Lang, strings.Join(refs, ",")}, "\n")
}

// Sign sets the marker's signature with the database's secret.
func (m *Marker) Sign(secret []byte) {
	sort.Strings(m.Refs)
	m.Signature = m.mac(secret)
}

// Verify reports whether the signature matches the marker's fields.
func (m *Marker) Verify(secret []byte) bool {
	want, err := hex.DecodeString(m.mac(secret))
	got, err2 := hex.DecodeString(m.Signature)
	return err == nil && err2 == nil && hmac.Equal(want, got)
}

func (m *Marker) mac(secret []byte) string {
	h := hmac.New(sha256.New, secret)
	h.Write([]byte(m.payload()))
	return hex.EncodeToString(h.Sum(nil))
}

// markerRows is the marker as the hidden sheet holds it, key then value.
func (m *Marker) markerRows() [][2]string {
	return [][2]string{
		{"channeldesk-kit", markerVersion}, {"kind", string(m.Kind)}, {"kit_id", m.KitID},
		{"partner_id", strconv.FormatInt(m.PartnerID, 10)}, {"program", m.Program}, {"kit_date", m.KitDate},
		{"lang", m.Lang}, {"refs", strings.Join(m.Refs, ",")}, {"signature", m.Signature},
	}
}

// parseMarker reads the marker back from the hidden sheet's rows; ok is
// false when the sheet is not a ChannelDesk marker of this version.
func parseMarker(rows [][]string) (*Marker, bool) {
	kv := map[string]string{}
	for _, r := range rows {
		if len(r) >= 2 {
			kv[r[0]] = r[1]
		}
	}
	if kv["channeldesk-kit"] != markerVersion {
		return nil, false
	}
	id, err := strconv.ParseInt(kv["partner_id"], 10, 64)
	if err != nil && kv["kind"] != string(KindApplication) {
		return nil, false
	}
	m := &Marker{Kind: Kind(kv["kind"]), KitID: kv["kit_id"], PartnerID: id, Program: kv["program"], KitDate: kv["kit_date"],
		Lang: kv["lang"], Signature: kv["signature"]}
	if kv["refs"] != "" {
		m.Refs = strings.Split(kv["refs"], ",")
	}
	return m, true
}
