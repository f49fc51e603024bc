package partners_test

import (
	"context"
	"fmt"
	"testing"

	"channeldesk/app/benchdata"
	"channeldesk/app/partners"
	"channeldesk/data"
)

func TestPartnerIndexFind(t *testing.T) {
	rows := []data.PartnerRow{
		{ID: 1, Name: "Орбита Софт", City: "Москва", Type: data.TypeReseller, Status: data.StatusActive, Region: "Центральный", Contacts: "Иван Петров petrov@orbita.example"},
		{ID: 2, Name: "Northwind Integrators", City: "Berlin", Type: data.TypeIntegrator, Status: data.StatusOnboarding, Region: "DACH", Tags: "trade-show"},
		{ID: 3, Name: "Blue Harbor MSP", City: "Leeds", Type: data.TypeMSP, Status: data.StatusProspect, Region: "UK&I"},
	}
	ix := partners.NewPartnerIndex(rows)
	tests := map[string]struct {
		f    partners.PartnerFilter
		want []int64
	}{
		"Everything":        {partners.PartnerFilter{}, []int64{1, 2, 3}},
		"CyrillicAnyCase":   {partners.PartnerFilter{Query: "ОРБИТА"}, []int64{1}},
		"ByCity":            {partners.PartnerFilter{Query: "leeds"}, []int64{3}},
		"ByContact":         {partners.PartnerFilter{Query: "петров"}, []int64{1}},
		"ByTag":             {partners.PartnerFilter{Query: "trade-show"}, []int64{2}},
		"AllWordsMustMatch": {partners.PartnerFilter{Query: "blue berlin"}, nil},
		"ByType":            {partners.PartnerFilter{Type: data.TypeMSP}, []int64{3}},
		"ByStatusAndRegion": {partners.PartnerFilter{Status: data.StatusOnboarding, Region: "DACH"}, []int64{2}},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			got := ix.Find(tt.f, partners.SortName, false)
			if len(got) != len(tt.want) {
				t.Fatalf("got %d rows, want %v", len(got), tt.want)
			}
			for i := range got {
				if got[i].ID != tt.want[i] {
					t.Fatalf("row %d = %d, want %d", i, got[i].ID, tt.want[i])
				}
			}
		})
	}
	t.Run("SortByStatusFollowsLifecycle", func(t *testing.T) {
		got := ix.Find(partners.PartnerFilter{}, partners.SortStatus, false)
		if got[0].Status != data.StatusProspect || got[2].Status != data.StatusActive {
			t.Fatalf("order: %v %v %v", got[0].Status, got[1].Status, got[2].Status)
		}
		got = ix.Find(partners.PartnerFilter{}, partners.SortCity, true)
		if got[0].City != "Москва" {
			t.Fatalf("descending city first = %s", got[0].City)
		}
	})
}

func BenchmarkOpenMigrate(b *testing.B) {
	dir := b.TempDir()
	for i := 0; b.Loop(); i++ {
		s, err := data.Open(fmt.Sprintf("%s/%d.db", dir, i))
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

// BenchmarkOpenMigrateL opens dataset L (5,000 partners, 100,000 deals)
// as the app does at start: the schema check and migrations included.
func BenchmarkOpenMigrateL(b *testing.B) {
	path := benchdata.L(b)
	for b.Loop() {
		s, err := data.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}

func BenchmarkSearch5000(b *testing.B) {
	s := benchdata.Open(b)
	rows, _ := s.PartnerRows(context.Background())
	ix := partners.NewPartnerIndex(rows)
	queries := []string{"o", "or", "orb", "орб", "berlin", "sm"}
	for i := 0; b.Loop(); i++ {
		ix.Find(partners.PartnerFilter{Query: queries[i%len(queries)]}, partners.SortName, false)
	}
}
