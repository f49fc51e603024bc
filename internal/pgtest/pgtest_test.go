package pgtest

import (
	"context"
	"os"
	"testing"

	"github.com/jackc/pgx/v5"
)

var srv *Server

func TestMain(m *testing.M) { os.Exit(Main(m, &srv)) }

func TestServerAnswers(t *testing.T) {
	Need(t, srv)
	db, owner, err := srv.NewDB()
	if err != nil {
		t.Fatal(err)
	}
	c, err := pgx.Connect(context.Background(), srv.URL(owner, db))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(context.Background())
	var v string
	if err := c.QueryRow(context.Background(), "SELECT current_user").Scan(&v); err != nil || v != owner {
		t.Fatalf("current_user = %q, %v", v, err)
	}
}
