// Command suggestlat measures the latency of a running Faro's suggestions
// as a user types them: it sends the prefixes of the domain's words one
// request at a time over one connection and prints p50 and p99.
//
//	go run ./scripts/suggestlat -addr http://127.0.0.1:8080 -n 2000
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"slices"
	"time"
)

// words are typed a prefix at a time, as a user types them.
var words = []string{"migración", "retorno", "trafficking", "trata", "Honduras", "Guatemala", "El Salvador",
	"México", "climate", "remesas", "diaspora", "frontera", "information", "campaign", "niñez", "refugio",
	"asilo", "protection", "education", "salud", "employment", "violencia", "juventud", "community"}

func main() {
	addr := flag.String("addr", "http://127.0.0.1:8080", "the Faro server")
	n := flag.Int("n", 2000, "requests")
	flag.Parse()
	p50, p99, err := run(context.Background(), *addr, *n)
	if err != nil {
		fmt.Fprintln(os.Stderr, "suggestlat:", err)
		os.Exit(1)
	}
	fmt.Printf("suggest: %d requests, p50 %.2f ms, p99 %.2f ms\n", *n, p50, p99)
}

// run sends n suggest requests and returns the p50 and p99 latencies in
// milliseconds.
func run(ctx context.Context, addr string, n int) (p50, p99 float64, err error) {
	client := &http.Client{Timeout: 10 * time.Second}
	var lat []float64
	for i := 0; i < n; i++ {
		w := []rune(words[i%len(words)])
		prefix := string(w[:2+i/len(words)%max(1, len(w)-1)])
		lang := "en"
		if i%2 == 1 {
			lang = "es"
		}
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, addr+"/api/v1/suggest?q="+url.QueryEscape(prefix)+"&lang="+lang, nil)
		if err != nil {
			return 0, 0, err
		}
		start := time.Now()
		resp, err := client.Do(req)
		if err != nil {
			return 0, 0, fmt.Errorf("suggest %q: %w", prefix, err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return 0, 0, fmt.Errorf("suggest %q: status %d", prefix, resp.StatusCode)
		}
		lat = append(lat, float64(time.Since(start).Microseconds())/1000)
	}
	if len(lat) == 0 {
		return 0, 0, nil
	}
	slices.Sort(lat)
	return lat[len(lat)/2], lat[len(lat)*99/100], nil
}
