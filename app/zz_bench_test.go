package app_test

import (
	"context"
	"testing"

	"channeldesk/app"
	"channeldesk/app/benchdata"
)

func BenchmarkZZParts(b *testing.B) {
	s := benchdata.Open(b)
	ctx := context.Background()
	day := benchdata.Day
	b.Run("checkins", func(b *testing.B) {
		for b.Loop() {
			app.PlanFigures.CheckInsDue(ctx, s, day)
		}
	})
	b.Run("mdf", func(b *testing.B) {
		for b.Loop() {
			app.MDFTodayItems(ctx, s, day)
		}
	})
	b.Run("quiet", func(b *testing.B) {
		for b.Loop() {
			c, _ := app.LoadCadence(ctx, s)
			app.GoneQuiet(ctx, s, day, c)
		}
	})
	b.Run("todaylist", func(b *testing.B) {
		for b.Loop() {
			app.TodayList(ctx, s, day)
		}
	})
}
