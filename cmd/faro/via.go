package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"faro/search/web"
)

// reindexVia asks the server at base (e.g. http://localhost:8080) to
// reindex its corpus (POST /api/v1/reindex with the admin token) and
// prints what it did: the way to update an index a server holds.
func reindexVia(ctx context.Context, w io.Writer, base, token string) error {
	u, err := url.Parse(strings.TrimRight(base, "/"))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("--via %q: want the server's address, e.g. http://localhost:8080", base)
	}
	if token == "" {
		return errors.New("--via needs the server's admin token: set FARO_ADMIN_TOKEN (or --admin-token) as for faro serve")
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u.String()+"/api/v1/reindex", nil)
	if err != nil {
		return fmt.Errorf("reindex via %s: %w", base, err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	// No client timeout: a reindex of a large corpus takes minutes; ctx
	// (SIGTERM) ends the wait.
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("reindex via %s: %w", base, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 4<<20))
	if err != nil {
		return fmt.Errorf("reindex via %s: read the answer: %w", base, err)
	}
	if resp.StatusCode != http.StatusOK {
		var e struct{ Error string }
		msg := strings.TrimSpace(string(body))
		if json.Unmarshal(body, &e) == nil && e.Error != "" {
			msg = e.Error
		}
		return fmt.Errorf("reindex via %s: the server answered %s: %s", base, resp.Status, msg)
	}
	var r web.ReindexResult
	if err := json.Unmarshal(body, &r); err != nil {
		return fmt.Errorf("reindex via %s: unexpected answer: %w", base, err)
	}
	fmt.Fprintf(w, "reindexed by %s: %d files, %d indexed (%d added, %d updated), %d unchanged, %d removed, %d failed; %d documents, took %dms\n",
		base, r.Files, r.Indexed, r.Added, r.Updated, r.Unchanged, r.Removed, len(r.Failed), r.Documents, r.TookMS)
	for _, f := range r.Failed {
		fmt.Fprintf(w, "  failed: %s (%s)\n", f.File, f.Reason)
	}
	return nil
}
