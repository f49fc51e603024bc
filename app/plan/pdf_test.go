package plan_test

import (
	"bytes"
	"channeldesk/internal/testutil"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"channeldesk/app/demo"
	"channeldesk/app/format"
	"channeldesk/app/plan"
	"channeldesk/data"
)

var today = time.Date(2026, 8, 15, 10, 0, 0, 0, time.UTC)

const sentinel = "SENTINEL-INTERNAL-7731"

// openStore is the shared temp store (internal/testutil).
var openStore = testutil.OpenStore

func exec1(tb testing.TB, s *data.Store, q string, args ...any) int64 {
	tb.Helper()
	res, err := s.DB().Exec(q, args...)
	if err != nil {
		tb.Fatalf("%s: %v", q, err)
	}
	id, _ := res.LastInsertId()
	return id
}

// fixture makes a Russian partner on Silver with won deals, certified
// people, an agreed plan with an internal and a shareable check-in.
func fixture(tb testing.TB, s *data.Store, objectives int) *data.Partner {
	tb.Helper()
	ctx := context.Background()
	st := data.Settings{VendorName: "Acme Software", ProgramName: "Acme Partner Program", Currency: "RUB", FiscalYearFrom: 1}
	if err := s.SaveSettings(ctx, st); err != nil {
		tb.Fatal(err)
	}
	exec1(tb, s, `INSERT INTO tiers (rank, name_en, name_ru, color, discount_bp, mdf_accrual_bp, benefits_en, benefits_ru) VALUES
		(1, 'Registered', 'Зарегистрированный', '#888888', 1000, 0, 'Partner portal', 'Партнёрский портал'),
		(2, 'Silver', 'Серебряный', '#8a9bb0', 2000, 200, 'Deal protection 90 days
Sales training', 'Защита сделок 90 дней
Обучение продажам'),
		(3, 'Gold', 'Золотой', '#c9a227', 3000, 300, 'Dedicated manager', 'Выделенный менеджер')`)
	exec1(tb, s, `INSERT INTO tier_requirements (tier_id, kind, threshold) VALUES (3, 'revenue_12m', 500000000), (3, 'certified_people', 3), (3, 'deals_12m', 10)`)
	exec1(tb, s, `INSERT INTO tier_requirements (tier_id, kind, threshold, label_en, label_ru) VALUES (3, 'custom', 2, 'Reference customers', 'Референс-заказчики')`)
	p := &data.Partner{Name: "Орбита Системы Интеграция", LegalName: "ООО «Орбита Системы Интеграция»", Type: data.TypeIntegrator,
		Status: data.StatusAtRisk, City: "Казань", Country: "Россия", DocLang: "ru", Tags: []string{"watch-margin"}}
	if err := s.CreatePartner(ctx, p); err != nil {
		tb.Fatal(err)
	}
	exec1(tb, s, `UPDATE partners SET tier_id = 2 WHERE id = ?`, p.ID)
	exec1(tb, s, `INSERT INTO tier_requirements (tier_id, kind, threshold) VALUES (3, 'onboarding_completed', 0)`)
	exec1(tb, s, `INSERT INTO onboarding_checklists (partner_id, started_on) VALUES (?, '2026-01-05')`, p.ID)
	c := &data.Contact{PartnerID: p.ID, Name: "Анна Смирнова", Role: "Коммерческий директор", Email: "anna@orbita.example", Primary: true}
	if err := s.SaveContact(ctx, c); err != nil {
		tb.Fatal(err)
	}
	exec1(tb, s, `INSERT INTO certifications (contact_id, name, earned_on) VALUES (?, 'Sales', '2026-01-10')`, c.ID)
	for i, closed := range []string{"2026-02-10", "2026-05-20", "2026-05-21", "2026-07-01"} {
		exec1(tb, s, `INSERT INTO deals (partner_id, customer, customer_key, amount, state, registered_on, closed_on, created_at, updated_at)
			VALUES (?, ?, ?, 100000000, 'won', '2026-01-01', ?, '', '')`, p.ID, fmt.Sprint("Заказчик ", i), fmt.Sprint("k", i), closed)
	}
	pl := &data.Plan{PartnerID: p.ID, FiscalYear: 2026, VendorContactName: "Ольга Савина", VendorContactRole: "Менеджер по работе с партнёрами",
		VendorContactEmail: "olga@acme.example", RepShareBP: 5000, RepCommitment: "40 звонков в день",
		Commitments: []data.Commitment{{Side: data.SideVendor, Kind: data.CommitTraining, Body: "Два тренинга по продажам"},
			{Side: data.SidePartner, Kind: data.CommitOther, Body: "Сертифицировать трёх инженеров"}}}
	pl.Objectives = append(pl.Objectives,
		data.Objective{Measure: data.MeasureRevenue, Weight: 50, Targets: [4]int64{100000000, 150000000, 200000000, 250000000}},
		data.Objective{Measure: data.MeasureCertifiedPeople, Weight: 20, Targets: [4]int64{1, 2, 3, 3}},
		data.Objective{Measure: data.MeasureMarketing, Title: "Вебинары", Weight: 30, Targets: [4]int64{1, 1, 1, 1}, Actuals: [4]int64{1, 2, 0, 0}})
	for i := 3; i < objectives; i++ {
		pl.Objectives = append(pl.Objectives, data.Objective{Measure: data.MeasureCustom, Weight: 5,
			Title: fmt.Sprintf("Цель номер %d с длинным описанием, которое не помещается в одну строку таблицы", i+1), Targets: [4]int64{5, 5, 5, 5}})
	}
	if err := s.CreatePlan(ctx, pl); err != nil {
		tb.Fatal(err)
	}
	if err := s.AgreePlan(ctx, pl.ID, "2026-01-25"); err != nil {
		tb.Fatal(err)
	}
	for _, ci := range []data.CheckIn{
		{PlanID: pl.ID, Quarter: 1, HeldOn: "2026-04-08", Attendees: "Анна Смирнова, Ольга Савина", Notes: sentinel + " маржа завышена"},
		{PlanID: pl.ID, Quarter: 2, HeldOn: "2026-07-09", Notes: "Вебинары прошли успешно", Shareable: true,
			Statuses: map[int64]data.ObjectiveStatus{pl.Objectives[0].ID: data.AtRisk}},
	} {
		if err := s.SaveCheckIn(ctx, &ci); err != nil {
			tb.Fatal(err)
		}
	}
	if _, err := s.DB().Exec(`INSERT INTO events (partner_id, kind, at, body) VALUES (?, 'note', '2026-03-01T00:00:00Z', ?)`, p.ID, sentinel); err != nil {
		tb.Fatal(err)
	}
	return p
}

// pdfText extracts a PDF's text with pdftotext (poppler-utils).
func pdfText(t *testing.T, b []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	path := filepath.Join(t.TempDir(), "p.pdf")
	os.WriteFile(path, b, 0o600)
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	return strings.ReplaceAll(string(out), "\u00a0", " ")
}

func pageCount(t *testing.T, b []byte) int {
	m := regexp.MustCompile(`/Type /Pages[^>]*/Count (\d+)`).FindSubmatch(b)
	if m == nil {
		t.Fatal("no page count in PDF")
	}
	var n int
	fmt.Sscan(string(m[1]), &n)
	return n
}

func render(t *testing.T, s *data.Store, id int64, l format.Lang) []byte {
	t.Helper()
	b, err := plan.RenderBytes(context.Background(), s, id, plan.Options{Lang: l, Today: today})
	if err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("PLAN_PDF_DIR"); dir != "" {
		os.WriteFile(filepath.Join(dir, t.Name()[strings.LastIndex(t.Name(), "/")+1:]+"-"+string(l)+".pdf"), b, 0o644)
	}
	return b
}

func TestPlanPDFContent(t *testing.T) {
	s := openStore(t)
	p := fixture(t, s, 3)
	tests := map[string]struct {
		lang   format.Lang
		glance string // the longest label of the cover's summary
		want   []string
	}{
		"Russian": {format.RU, "Выполнение годового плана на сегодня", []string{"Орбита Системы Интеграция", "Совместный бизнес-план", "Текущий уровень: Серебряный",
			"Путь к уровню «Золотой»", "не хватает: 1 000 000 ₽", "не хватает: 2", "не хватает: 6",
			"Выручка по выигранным сделкам", "Вебинары", "Согласован 25.01.2026, редакция 1", "Страница 2 из",
			"Вебинары прошли успешно", "Ольга Савина", "50 %", "40 звонков в день", "Фонды развития рынка: не заданы",
			"Референс-заказчики", "Защита сделок 90 дней",
			"Онбординг идёт с 05.01.2026", "Оставшиеся задачи: не заданы", "Онбординг завершён"}},
		"English": {format.EN, "Year targets reached so far", []string{"Орбита Системы Интеграция", "Joint business plan", "Current tier: Silver",
			"Progress to Gold", "missing: 1,000,000 ₽", "missing: 2", "Won revenue", "Agreed on 25 Jan 2026, revision 1",
			"Page 2 of", "Market development funds: not set", "Weighted attainment"}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			b := render(t, s, p.ID, tc.lang)
			txt := pdfText(t, b)
			for _, w := range tc.want {
				if !strings.Contains(txt, w) {
					t.Errorf("PDF text lacks %q", w)
				}
			}
			for _, bad := range []string{sentinel, "watch-margin", "маржа завышена", "At risk", "Под угрозой", "под угрозой риск"} {
				if strings.Contains(txt, bad) {
					t.Errorf("PDF shows internal %q", bad)
				}
			}
			// The cover's summary labels never run into their values.
			for _, label := range []string{tc.glance, map[format.Lang]string{format.RU: "Ваш контакт", format.EN: "Your contact"}[tc.lang]} {
				if !regexp.MustCompile(regexp.QuoteMeta(label) + ` {2,}\S`).MatchString(txt) {
					t.Errorf("cover label %q is not followed by its value in its own column", label)
				}
			}
			if n := pageCount(t, b); n < 3 || !strings.Contains(txt, fmt.Sprintf("of %d", n)) && !strings.Contains(txt, fmt.Sprintf("из %d", n)) {
				t.Errorf("page count %d not printed as the total", n)
			}
		})
	}
}

func TestPlanPDFEdgeCases(t *testing.T) {
	ctx := context.Background()
	t.Run("ThirtyFiveObjectivesBreakPages", func(t *testing.T) {
		s := openStore(t)
		p := fixture(t, s, 35)
		b := render(t, s, p.ID, format.RU)
		txt := pdfText(t, b)
		if !strings.Contains(txt, "Цель номер 35") || pageCount(t, b) < 5 {
			t.Errorf("35 objectives: %d pages, last objective present %v", pageCount(t, b), strings.Contains(txt, "Цель номер 35"))
		}
	})
	t.Run("NoPlanNoTiersLongName", func(t *testing.T) {
		s := openStore(t)
		long := strings.Repeat("Очень Длинное Название Партнёра ", 6)
		p := &data.Partner{Name: long, Type: data.TypeReseller, Status: data.StatusActive, DocLang: "en"}
		if err := s.CreatePartner(ctx, p); err != nil {
			t.Fatal(err)
		}
		b := render(t, s, p.ID, "")
		txt := pdfText(t, b)
		for _, w := range []string{"The partner program has no tiers yet.", "No business plan has been set for fiscal year 2026 yet.",
			"No onboarding programme has been started.", "Contact: not set.", "No contacts recorded yet."} {
			if !strings.Contains(txt, w) {
				t.Errorf("lacks %q", w)
			}
		}
	})
}

func TestExportAllWritesOneFilePerActivePartner(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	fixture(t, s, 3)
	for _, p := range []data.Partner{
		{Name: "../evil", Type: data.TypeReseller, Status: data.StatusActive},
		{Name: "CON", Type: data.TypeReseller, Status: data.StatusActive},
		{Name: "Prospect Only", Type: data.TypeReseller, Status: data.StatusProspect},
	} {
		if err := s.CreatePartner(ctx, &p); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	var calls int
	paths, err := plan.ExportAll(ctx, s, dir, plan.Options{Today: today}, func(done, total int) { calls++ })
	if err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	if len(paths) != 3 || len(entries) != 3 || calls != 3 {
		t.Fatalf("paths %v, entries %d, progress calls %d", paths, len(entries), calls)
	}
	for _, e := range entries {
		b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
		if !bytes.HasPrefix(b, []byte("%PDF-")) || strings.HasPrefix(e.Name(), ".") {
			t.Errorf("%s is not a finished PDF", e.Name())
		}
	}
}

func BenchmarkRenderOnePlan(b *testing.B) {
	s := openStore(b)
	p := fixture(b, s, 8)
	ctx := context.Background()
	for b.Loop() {
		if _, err := plan.RenderBytes(ctx, s, p.ID, plan.Options{Today: today}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkExportAll500 writes the plans of about 500 active demo partners.
func BenchmarkExportAll500(b *testing.B) {
	s := openStore(b)
	ctx := context.Background()
	if err := demo.Demo(ctx, s, demo.DemoOptions{Partners: 1050, Seed: 5, Today: today}); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		paths, err := plan.ExportAll(ctx, s, b.TempDir(), plan.Options{Today: today}, nil)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(len(paths)), "files/op")
	}
}

func TestPlanPDFShowsAgreedRevisionWhileNextIsDrafted(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	p := fixture(t, s, 3)
	pl, _ := s.PlanFor(ctx, p.ID, 2026)
	pl.Objectives[2].Title = "Черновая цель DRAFT-ONLY"
	if err := s.SavePlan(ctx, pl); err != nil {
		t.Fatal(err)
	}
	txt := pdfText(t, render(t, s, p.ID, format.RU))
	if strings.Contains(txt, "DRAFT-ONLY") || !strings.Contains(txt, "Согласован 25.01.2026, редакция 1") || !strings.Contains(txt, "Вебинары") {
		t.Error("the document shows the unagreed draft instead of the agreed revision")
	}
}
