package importer_test

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	"channeldesk/app/importer"
)

// partnersCSV makes n rows shaped like a CRM export, Russian and English,
// every tenth row a duplicate of an earlier one.
func partnersCSV(n int) []byte {
	var b bytes.Buffer
	b.WriteString("Название;Тип;Статус;Город;Контактное лицо;E-mail;Телефон;Отрасль;Примечание\n")
	for i := range n {
		k := i
		if i%10 == 9 {
			k = i - 5
		}
		if k%2 == 0 {
			fmt.Fprintf(&b, "ООО «Компания %d»;Реселлер;Потенциальный;Москва;Иван Петров;ivan@c%d.example;+7 495 555-%04d;Финансы, Ритейл;\"Заметка; строка\"\n", k, k, k%10000)
		} else {
			fmt.Fprintf(&b, "Company %d Ltd;msp;active;Berlin;Anna Weber;anna@c%d.example;+49 30 %06d;Healthcare;\n", k, k, k)
		}
	}
	return b.Bytes()
}

// BenchmarkImport50k reads, previews and imports 50,000 rows into an empty
// database (target: under 5 s per run).
func BenchmarkImport50k(b *testing.B) {
	raw := partnersCSV(50000)
	ctx := context.Background()
	for b.Loop() {
		b.StopTimer()
		s := openStore(b)
		b.StartTimer()
		tab, err := importer.ReadCSV(bytes.NewReader(raw))
		if err != nil {
			b.Fatal(err)
		}
		p, err := importer.Plan(ctx, s, tab, importer.DetectMapping(tab.Header), importer.Options{})
		if err != nil {
			b.Fatal(err)
		}
		res, err := importer.Apply(ctx, s, p, "bench", nil)
		if err != nil || res.Created != 45000 || res.Merged != 5000 {
			b.Fatalf("%+v %v", res, err)
		}
	}
}
