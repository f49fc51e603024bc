// Command mkico writes a Windows .ico from a PNG: the sizes Explorer, the
// Start menu and the task bar ask for (256, 48, 32 and 16 pixels), each
// stored as PNG inside the icon, which Windows reads since Vista.
//
//	go run ./packaging/windows/mkico assets/icon.png OUT.ico
package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"image"
	"image/png"
	"io"
	"os"

	"golang.org/x/image/draw"
)

// sizes are the square sizes written, largest first.
var sizes = []int{256, 48, 32, 16}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: mkico IN.png OUT.ico")
		os.Exit(2)
	}
	if err := convert(os.Args[1], os.Args[2]); err != nil {
		fmt.Fprintln(os.Stderr, "mkico:", err)
		os.Exit(1)
	}
}

func convert(in, out string) error {
	f, err := os.Open(in)
	if err != nil {
		return err
	}
	defer f.Close()
	src, err := png.Decode(f)
	if err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	var buf bytes.Buffer
	if err := writeICO(&buf, src); err != nil {
		return err
	}
	return os.WriteFile(out, buf.Bytes(), 0o644)
}

// writeICO writes the ICONDIR header, one ICONDIRENTRY per size and the
// PNG images after them.
func writeICO(w io.Writer, src image.Image) error {
	images := make([][]byte, len(sizes))
	for i, n := range sizes {
		dst := image.NewNRGBA(image.Rect(0, 0, n, n))
		draw.CatmullRom.Scale(dst, dst.Bounds(), src, src.Bounds(), draw.Src, nil)
		var b bytes.Buffer
		if err := png.Encode(&b, dst); err != nil {
			return err
		}
		images[i] = b.Bytes()
	}
	le := binary.LittleEndian
	head := []uint16{0, 1, uint16(len(sizes))} // reserved, type icon, count
	if err := binary.Write(w, le, head); err != nil {
		return err
	}
	offset := uint32(6 + 16*len(sizes))
	for i, n := range sizes {
		side := uint8(n % 256) // 0 means 256
		entry := struct {
			W, H, Colours, Reserved uint8
			Planes, Bits            uint16
			Size, Offset            uint32
		}{side, side, 0, 0, 1, 32, uint32(len(images[i])), offset}
		if err := binary.Write(w, le, entry); err != nil {
			return err
		}
		offset += uint32(len(images[i]))
	}
	for _, b := range images {
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	return nil
}
