package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"faro/search/web"
)

func (a *app) serve(ctx context.Context, args []string) error {
	fs := newFlags("serve", a.stderr)
	c := fs.common()
	addr := fs.string("addr", ":8080", "address to listen on")
	if err := fs.parse(args); err != nil {
		return err
	}
	log, err := newLogger(a.stderr, *c.logLevel)
	if err != nil {
		return err
	}
	idx, err := openOrBuild(ctx, log, *c.corpus, *c.index, a.stderr)
	if err != nil {
		return err
	}
	defer idx.Close()

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", *addr, err)
	}
	srv := &http.Server{
		Handler:           web.New(idx, web.Options{Corpus: *c.corpus, Logger: log}),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
	n, _ := idx.Count(ctx)
	log.Info("serving", "url", "http://"+displayAddr(ln.Addr()), "documents", n, "index", *c.index)
	if a.onListen != nil {
		a.onListen(ln.Addr())
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

func displayAddr(a net.Addr) string {
	if t, ok := a.(*net.TCPAddr); ok && t.IP.IsUnspecified() {
		return fmt.Sprintf("localhost:%d", t.Port)
	}
	return a.String()
}
