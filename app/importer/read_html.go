package importer

import (
	"bytes"
	"io"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"channeldesk/data"
)

// looksLikeHTML reports whether a file's first bytes are HTML markup.
func looksLikeHTML(head []byte) bool {
	h := bytes.TrimLeft(bytes.TrimPrefix(head, []byte{0xEF, 0xBB, 0xBF}), " \t\r\n")
	l := bytes.ToLower(h)
	return bytes.HasPrefix(l, []byte("<!doctype html")) || bytes.HasPrefix(l, []byte("<html")) ||
		bytes.HasPrefix(l, []byte("<table")) || bytes.HasPrefix(l, []byte("<meta")) ||
		(bytes.HasPrefix(l, []byte("<")) && bytes.Contains(l, []byte("<table")))
}

// ReadHTML reads the first table of an HTML page as a spreadsheet: its
// first row with text is the header. The encoding comes from the page's
// meta tag or a BOM (Bitrix24 writes UTF-8, older systems Windows-1251).
func ReadHTML(r io.Reader) (*Table, error) {
	raw, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(raw) > MaxFileSize {
		return nil, data.Invalid("file", "err.recruit_file_too_big", map[string]any{"Max": MaxFileSize >> 20})
	}
	enc := "html utf-8"
	var text io.Reader = bytes.NewReader(raw)
	if e, name, _ := charset.DetermineEncoding(raw, "text/html"); name != "utf-8" && name != "" {
		text, enc = e.NewDecoder().Reader(bytes.NewReader(raw)), "html "+name
	}
	doc, err := html.Parse(text)
	if err != nil {
		return nil, data.Invalid("file", "imports.err_html", nil)
	}
	table := find(doc, "table")
	if table == nil {
		return nil, ErrEmptyFile
	}
	t := &Table{Encoding: enc}
	row := 0
	walk(table, func(n *html.Node) bool {
		if n.Type == html.ElementNode && n.Data == "table" && n != table {
			return false // a table inside a cell is that cell's text
		}
		if n.Type == html.ElementNode && n.Data == "tr" {
			row++
			t.add(rowCells(n), row)
			return false
		}
		return true
	})
	if t.Header == nil {
		return nil, ErrEmptyFile
	}
	return t, nil
}

// rowCells reads a row's th/td texts; a cell spanning columns is
// followed by empty cells so later columns stay in place.
func rowCells(tr *html.Node) []string {
	var rec []string
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || (c.Data != "td" && c.Data != "th") {
			continue
		}
		rec = append(rec, cellText(c))
		for _, a := range c.Attr {
			if a.Key == "colspan" {
				for n := atoi(a.Val); n > 1 && n < 100; n-- {
					rec = append(rec, "")
				}
			}
		}
	}
	return rec
}

func atoi(s string) int {
	n := 0
	for _, r := range strings.TrimSpace(s) {
		if r < '0' || r > '9' {
			return 0
		}
		n = n*10 + int(r-'0')
	}
	return n
}

// cellText is a cell's text with <br> as a line break and runs of
// spaces folded.
func cellText(n *html.Node) string {
	var b strings.Builder
	walk(n, func(c *html.Node) bool {
		switch {
		case c.Type == html.TextNode:
			b.WriteString(c.Data)
		case c.Type == html.ElementNode && (c.Data == "br" || c.Data == "p" || c.Data == "div") && b.Len() > 0:
			b.WriteString("\n")
		}
		return true
	})
	lines := strings.Split(b.String(), "\n")
	out := lines[:0]
	for _, l := range lines {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

func find(n *html.Node, tag string) *html.Node {
	var found *html.Node
	walk(n, func(c *html.Node) bool {
		if found == nil && c.Type == html.ElementNode && c.Data == tag {
			found = c
		}
		return found == nil
	})
	return found
}

// walk visits n and its descendants depth first while visit says so.
func walk(n *html.Node, visit func(*html.Node) bool) {
	if !visit(n) {
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, visit)
	}
}
