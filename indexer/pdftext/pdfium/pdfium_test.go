package pdfium

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"
)

func TestExtract(t *testing.T) {
	if testing.Short() {
		t.Skip("starting the WebAssembly engine takes a second or more")
	}
	data, err := os.ReadFile("../testdata/dos_columnas.pdf")
	if err != nil {
		t.Fatal(err)
	}
	res, err := Extract(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("engine started in %v", StartTook)
	if len(res.Pages) != 1 || !strings.Contains(res.Pages[0], "niñez no acompañada") || res.Info["Title"] != "Migración segura en dos columnas" {
		t.Errorf("got %q, info %v", res.Pages, res.Info)
	}
	if _, err := Extract(context.Background(), []byte("%PDF-1.4\nnot really\n%%EOF")); err == nil {
		t.Error("no error for junk")
	}
	if _, err := Extract(context.Background(), nil); err == nil || errors.Is(err, ErrPassword) {
		t.Errorf("empty input: %v", err)
	}
}
