package app_test

import (
	"context"
	"fmt"
	"testing"

	"channeldesk/app"
	"channeldesk/app/benchdata"
	"channeldesk/data"
)

func TestPartnerIndexFind(t *testing.T) {
	rows := []data.PartnerRow{
		{ID: 1, Name: "Орбита Софт", City: "Москва", Type: data.TypeReseller, Status: data.StatusActive, Region: "Центральный", Contacts: "Иван Петров petrov@orbita.example"},
		{ID: 2, Name: "Northwind Integrators", City: "Berlin", Type: data.TypeIntegrator, Status: data.StatusOnboarding, Region: "DACH", Tags: "trade-show"},
		{ID: 3, Name: "Blue Harbor MSP", City: "Leeds", Type: data.TypeMSP, Status: data.StatusProspect, Region: "UK&I"},
	}
	ix := app.NewPartnerIndex(rows)
	tests := map[string]struct {
		f    app.PartnerFilter
		want []int64
	}{
		"Everything":        {app.PartnerFilter{}, []int64{1, 2, 3}},
		"CyrillicAnyCase":   {app.PartnerFilter{Query: "ОРБИТА"}, []int64{1}},
		"ByCity":            {app.PartnerFilter{Query: "leeds"}, []int64{3}},
		"ByContact":         {app.PartnerFilter{Query: "петров"}, []int64{1}},
		"ByTag":             {app.PartnerFilter{Query: "trade-show"}, []int64{2}},
		"AllWordsMustMatch": {app.PartnerFilter{Query: "blue berlin"}, nil},
		"ByType":            {app.PartnerFilter{Type: data.TypeMSP}, []int64{3}},
		"ByStatusAndRegion": {app.PartnerFilter{Status: data.StatusOnboarding, Region: "DACH"}, []int64{2}},
	}
	for name, tt := range tests {
		t.Run(name, func(t *testing.T) {
			got := ix.Find(tt.f, app.SortName, false)
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
		got := ix.Find(app.PartnerFilter{}, app.SortStatus, false)
		if got[0].Status != data.StatusProspect || got[2].Status != data.StatusActive {
			t.Fatalf("order: %v %v %v", got[0].Status, got[1].Status, got[2].Status)
		}
		got = ix.Find(app.PartnerFilter{}, app.SortCity, true)
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
	ix := app.NewPartnerIndex(rows)
	queries := []string{"o", "or", "orb", "орб", "berlin", "sm"}
	for i := 0; b.Loop(); i++ {
		ix.Find(app.PartnerFilter{Query: queries[i%len(queries)]}, app.SortName, false)
	}
}
