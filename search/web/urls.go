package web

import (
	"net/url"
	"strconv"
	"strings"

	"faro/search"
)

// searchKeys are the URL parameters that define a search on the page (and
// in the export links); anything else is dropped from the links.
var searchKeys = func() []string {
	keys := []string{"q"}
	keys = append(keys, search.Facets...)
	return append(keys, "year_from", "year_to", "sort", "match", "typos", "size", "ui")
}()

// withQuery appends v to p as a query string when v is not empty.
func withQuery(p string, v url.Values) string {
	if len(v) == 0 {
		return p
	}
	return p + "?" + v.Encode()
}

// searchParams keeps the parameters that define a search, without paging.
func searchParams(v url.Values) url.Values {
	out := url.Values{}
	for _, k := range searchKeys {
		for _, x := range v[k] {
			if strings.TrimSpace(x) == "" {
				continue
			}
			if k == "ui" && x != "es" && x != "en" {
				continue
			}
			out.Add(k, x)
		}
	}
	return out
}

func cloneValues(v url.Values) url.Values {
	out := url.Values{}
	for k, vals := range v {
		out[k] = append([]string(nil), vals...)
	}
	return out
}

// toggle adds value to facet's selection, or removes it when present.
func toggle(v url.Values, facet, value string) url.Values {
	out := cloneValues(v)
	var kept []string
	found := false
	for _, raw := range v[facet] {
		for _, x := range strings.Split(raw, ",") {
			if n, err := search.NormalizeFilter(facet, x); err == nil && n == value {
				found = true
				continue
			}
			if strings.TrimSpace(x) != "" {
				kept = append(kept, x)
			}
		}
	}
	if !found {
		kept = append(kept, value)
	}
	out.Del(facet)
	for _, k := range kept {
		out.Add(facet, k)
	}
	return out
}

// hiddenFields lists base's parameters except the named ones, for the
// hidden inputs of a form that sets those.
func hiddenFields(base url.Values, except ...string) []hiddenField {
	skip := map[string]bool{}
	for _, e := range except {
		skip[e] = true
	}
	var out []hiddenField
	for _, k := range searchKeys {
		if skip[k] {
			continue
		}
		for _, val := range base[k] {
			out = append(out, hiddenField{k, val})
		}
	}
	return out
}

func pageAnchor(docURL string, n int) string {
	return docURL + "#page-" + strconv.Itoa(n)
}
