package data_test

import (
	"context"
	"path/filepath"
	"testing"

	"channeldesk/data"
)

func TestProspectSourceValidate(t *testing.T) {
	cases := map[string]struct {
		src   data.ProspectSource
		field string
	}{
		"inbound":               {data.ProspectSource{Source: data.SourceInbound}, ""},
		"event needs its name":  {data.ProspectSource{Source: data.SourceEvent, EventDate: "2026-11-20"}, "event_name"},
		"event with a bad date": {data.ProspectSource{Source: data.SourceEvent, EventName: "CeBIT", EventDate: "20.11.2026"}, "event_date"},
		"referral needs whom":   {data.ProspectSource{Source: data.SourceReferral}, "referred_by"},
		"unknown source":        {data.ProspectSource{Source: "cold-call"}, "source"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			err := c.src.Validate()
			if e, _ := data.AsError(err); (e == nil) != (c.field == "") || (e != nil && e.Field != c.field) {
				t.Errorf("got %v, want field %q", err, c.field)
			}
		})
	}
	outbound := data.ProspectSource{Source: data.SourceOutbound, EventName: "left over", ReferredBy: "someone"}
	if err := outbound.Validate(); err != nil || outbound.EventName != "" || outbound.ReferredBy != "" {
		t.Errorf("outbound keeps stale event/referral: %+v %v", outbound, err)
	}
}

func TestProspectSourceIsReplacedAndGoesWithThePartner(t *testing.T) {
	ctx := context.Background()
	s, err := data.Open(filepath.Join(t.TempDir(), "r.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	p := &data.Partner{Name: "Alpha", Type: data.TypeReseller, Status: data.StatusProspect}
	if err := s.CreatePartner(ctx, p); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveProspectSource(ctx, &data.ProspectSource{PartnerID: p.ID, Source: data.SourceEvent, EventName: "CeBIT"}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveProspectSource(ctx, &data.ProspectSource{PartnerID: p.ID, Source: data.SourceReferral, ReferredBy: "Anna"}); err != nil {
		t.Fatal(err)
	}
	rows, _ := s.RecruitRows(ctx)
	if len(rows) != 1 || rows[0].Source != data.SourceReferral || rows[0].ReferredBy != "Anna" || rows[0].EventName != "" {
		t.Errorf("rows %+v", rows)
	}
	if err := s.SaveProspectSource(ctx, &data.ProspectSource{PartnerID: 999, Source: data.SourceInbound}); data.ErrorCode(err) != data.ENOTFOUND {
		t.Errorf("source for a missing partner: %v", err)
	}
	s.DeletePartner(ctx, p.ID)
	if _, err := s.ProspectSourceOf(ctx, p.ID); data.ErrorCode(err) != data.ENOTFOUND {
		t.Errorf("source outlived its partner: %v", err)
	}
}
